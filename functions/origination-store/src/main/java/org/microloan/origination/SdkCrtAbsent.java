package org.microloan.origination;

import java.util.function.BooleanSupplier;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

/**
 * The native image without the AWS SDK's optional aws-crt library: the SDK's checksum provider names CRT
 * classes that are not on the class path, which an image linked at build time refuses. CRC32C comes from the
 * JDK (the SDK tries it before CRT); CRC64NVME and xxHash, which only CRT computes and no call of ours asks
 * for, fail with what to add. Quarkiverse's Amazon services carry the same substitutions, but for the SDK
 * 2.42–2.44 class names: 2.54 renamed the provider. Applied only when aws-crt is absent.
 */
final class SdkCrtAbsent {

    private SdkCrtAbsent() {
    }

    static final class CrtMissing implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            try {
                Class.forName("software.amazon.awssdk.crt.CRT", false, CrtMissing.class.getClassLoader());
                return false;
            } catch (ClassNotFoundException e) {
                return true;
            }
        }
    }

    private static IllegalStateException needsCrt(String what) {
        return new IllegalStateException(what + " needs the software.amazon.awssdk.crt:aws-crt library, which this "
                + "function does not carry");
    }

    @TargetClass(className = "software.amazon.awssdk.checksums.internal.ChecksumProvider", onlyWith = CrtMissing.class)
    static final class ChecksumProviderWithoutCrt {

        @Substitute
        static SdkChecksum createCrtCrc32C() {
            return null;
        }

        @Substitute
        static SdkChecksum crc64NvmeCrtImplementation() {
            throw needsCrt("CRC64NVME");
        }

        @Substitute
        static SdkChecksum crtXxHash(ChecksumAlgorithm algorithm) {
            throw needsCrt(algorithm.algorithmId());
        }
    }

    @TargetClass(className = "software.amazon.awssdk.checksums.internal.XxHashChecksum", onlyWith = CrtMissing.class)
    static final class XxHashChecksumWithoutCrt {

        @Substitute
        XxHashChecksumWithoutCrt(ChecksumAlgorithm algorithm) {
            throw needsCrt(algorithm.algorithmId());
        }
    }
}
