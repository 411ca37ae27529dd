package org.microloan.origination.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class AesGcmCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final AesGcmCipher cipher = new AesGcmCipher(KEY);

    @Test
    void sealed_opensWithTheSameContext_andHidesThePlaintext() {
        byte[] plain = "11010519491231002X".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = cipher.seal(plain, "app-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("1101051949");
        assertThat(cipher.open(sealed, "app-1")).isEqualTo(plain);
        assertThat(cipher.seal(plain, "app-1")).isNotEqualTo(sealed);
    }

    @Test
    void sealed_copiedOntoAnotherRecord_doesNotOpen() {
        byte[] sealed = cipher.seal("13812345678".getBytes(StandardCharsets.UTF_8), "app-1");

        assertThatThrownBy(() -> cipher.open(sealed, "app-2")).hasMessage("a sealed value did not open with this key and context");
    }

    @Test
    void aKeyOfTheWrongSize_saysWhatToGive() {
        assertThatThrownBy(() -> new AesGcmCipher("c2hvcnQ="))
                .hasMessage("the encryption key has 5 bytes: give 32 random bytes, base64 encoded (openssl rand -base64 32)");
    }
}
