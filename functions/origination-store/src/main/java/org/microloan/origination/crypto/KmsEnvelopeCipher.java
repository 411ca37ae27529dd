package org.microloan.origination.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Envelope encryption with KMS, for AWS: each value gets its own data key from KMS, bound to the
 * application by KMS's encryption context; the value is sealed with AES-GCM under that key, and the key,
 * sealed by KMS, is stored beside it. Sealed = length of the sealed key (2 bytes) ‖ sealed key ‖ value.
 * The plaintext key never outlives the call.
 */
public final class KmsEnvelopeCipher implements PersonalDataCipher {

    private static final String CONTEXT_KEY = "applicationId";

    private final KmsClient kms;
    private final String keyId;

    public KmsEnvelopeCipher(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public byte[] seal(byte[] plaintext, String context) {
        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256)
                .encryptionContext(Map.of(CONTEXT_KEY, context)));
        byte[] key = dataKey.plaintext().asByteArray();
        try {
            byte[] sealedValue = new AesGcmCipher(key).seal(plaintext, context);
            byte[] sealedKey = dataKey.ciphertextBlob().asByteArray();
            return ByteBuffer.allocate(2 + sealedKey.length + sealedValue.length)
                    .putShort((short) sealedKey.length).put(sealedKey).put(sealedValue).array();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public byte[] open(byte[] sealed, String context) {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        byte[] sealedKey = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(sealedKey);
        byte[] sealedValue = new byte[in.remaining()];
        in.get(sealedValue);
        byte[] key;
        try {
            key = kms.decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(sealedKey))
                    .encryptionContext(Map.of(CONTEXT_KEY, context))).plaintext().asByteArray();
        } catch (KmsException e) {
            throw new IllegalStateException("a sealed value did not open with this key and context");
        }
        try {
            return new AesGcmCipher(key).open(sealedValue, context);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
