package org.microloan.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who a borrower is, for the limits that hold per person across accounts and channels: a keyed hash
 * (HMAC-SHA256 with the platform's secret) of the resident ID number, or of a business's unified social
 * credit code. Never the number: without the secret it cannot be turned back into one, or even checked
 * against a guess.
 */
public record PersonKey(String value) {

    public PersonKey {
        if (value == null || !value.startsWith("pk_")) {
            throw new IllegalArgumentException("a person key starts pk_");
        }
    }

    /** @param secret at least 32 bytes; @param idNumberOrCreditCode as the borrower gave it (case and spaces aside) */
    public static PersonKey of(byte[] secret, String idNumberOrCreditCode) {
        return new PersonKey("pk_" + keyed(secret, idNumberOrCreditCode.strip().toUpperCase(Locale.ROOT)));
    }

    /** HMAC-SHA256 of {@code text} with {@code secret}, base64url. */
    static String keyed(byte[] secret, String text) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the person key secret is at least 32 bytes, not " + secret.length);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
