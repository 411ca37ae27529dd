package org.microloan.origination.crypto;

/**
 * Seals personal data before it is stored. Locally AES-GCM with a key from configuration; in AWS the
 * same interface over a KMS data key. {@code context} (the application id) is bound into the seal, so a
 * sealed value copied onto another record does not open.
 */
public interface PersonalDataCipher {

    byte[] seal(byte[] plaintext, String context);

    /** @throws IllegalStateException the value was not sealed with this key and context */
    byte[] open(byte[] sealed, String context);
}
