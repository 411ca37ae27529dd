package org.microloan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PersonKeyTest {

    private static final byte[] SECRET = "a secret of thirty-two bytes, ok".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "another secret, thirty-two bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void onePerson_isOneKey_howeverTheNumberIsTyped_andTheKeyDoesNotShowTheNumber() {
        PersonKey key = PersonKey.of(SECRET, "11010519491231002X");

        assertThat(PersonKey.of(SECRET, " 11010519491231002x ")).isEqualTo(key);
        assertThat(PersonKey.of(SECRET, "110105194912310037")).isNotEqualTo(key);
        assertThat(key.value()).startsWith("pk_").doesNotContain("19491231").hasSize(46);
    }

    @Test
    void withoutTheSecret_theKeyCannotBeMadeFromAGuess() {
        assertThat(PersonKey.of(OTHER, "11010519491231002X")).isNotEqualTo(PersonKey.of(SECRET, "11010519491231002X"));
        assertThatThrownBy(() -> PersonKey.of("short".getBytes(StandardCharsets.UTF_8), "11010519491231002X"))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void aTelephoneNumber_isOneKeyHoweverItIsTyped_shownMasked_andNotKept() {
        NumberKey key = NumberKey.of(SECRET, "138 1234-5678").orElseThrow();

        assertThat(NumberKey.of(SECRET, "13812345678")).contains(key);
        assertThat(key.masked()).isEqualTo("138****5678");
        assertThat(key.value()).startsWith("nk_").doesNotContain("12345678");
        assertThat(key.value()).as("a number is not keyed like an ID number of the same digits")
                .isNotEqualTo("nk_" + PersonKey.of(SECRET, "13812345678").value().substring(3));
        assertThat(NumberKey.of(SECRET, "call me")).isEmpty();
        assertThat(NumberKey.of(SECRET, "12345")).isEmpty();
    }
}
