package org.microloan.origination.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

class KmsEnvelopeCipherTest {

    /** KMS's two calls, in memory: data keys wrapped under a master key, bound to their encryption context. */
    static final class InMemoryKms implements KmsClient {
        private final AesGcmCipher master = new AesGcmCipher(Base64.getEncoder().encodeToString(new byte[32]));
        private final SecureRandom random = new SecureRandom();
        final List<String> calls = new ArrayList<>();

        @Override
        public GenerateDataKeyResponse generateDataKey(Consumer<GenerateDataKeyRequest.Builder> request) {
            GenerateDataKeyRequest r = GenerateDataKeyRequest.builder().applyMutation(request).build();
            calls.add("generateDataKey " + r.keyId() + " " + r.encryptionContext());
            byte[] key = new byte[32];
            random.nextBytes(key);
            return GenerateDataKeyResponse.builder().keyId(r.keyId()).plaintext(SdkBytes.fromByteArray(key))
                    .ciphertextBlob(SdkBytes.fromByteArray(master.seal(key, r.encryptionContext().toString()))).build();
        }

        @Override
        public DecryptResponse decrypt(Consumer<DecryptRequest.Builder> request) {
            DecryptRequest r = DecryptRequest.builder().applyMutation(request).build();
            calls.add("decrypt " + r.keyId() + " " + r.encryptionContext());
            try {
                return DecryptResponse.builder().plaintext(SdkBytes.fromByteArray(
                        master.open(r.ciphertextBlob().asByteArray(), r.encryptionContext().toString()))).build();
            } catch (IllegalStateException e) {
                throw InvalidCiphertextException.builder().message("context mismatch").build();
            }
        }

        @Override
        public String serviceName() {
            return "kms";
        }

        @Override
        public void close() {
        }
    }

    private final InMemoryKms kms = new InMemoryKms();
    private final KmsEnvelopeCipher cipher = new KmsEnvelopeCipher(kms, "alias/microloan-personal-data");

    @Test
    void sealed_opensForTheSameApplication_withOneDataKeyPerValue() {
        byte[] plain = "{\"idNumber\":\"11010519491231002X\"}".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = cipher.seal(plain, "app-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("1101051949");
        assertThat(cipher.open(sealed, "app-1")).isEqualTo(plain);
        assertThat(kms.calls).containsExactly(
                "generateDataKey alias/microloan-personal-data " + Map.of("applicationId", "app-1"),
                "decrypt alias/microloan-personal-data " + Map.of("applicationId", "app-1"));
    }

    @Test
    void sealed_copiedOntoAnotherApplication_doesNotOpen() {
        byte[] sealed = cipher.seal("13812345678".getBytes(StandardCharsets.UTF_8), "app-1");

        assertThatThrownBy(() -> cipher.open(sealed, "app-2")).hasMessage("a sealed value did not open with this key and context");
    }
}
