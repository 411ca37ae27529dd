package org.microloan.identity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A business's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters over an
 * alphabet without I, O, S, V and Z, the last a check character: weights 3^(i−1) mod 31 and
 * check = alphabet[(31 − Σ value_i × weight_i mod 31) mod 31].
 */
public final class UnifiedSocialCreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern FORMAT = Pattern.compile("[" + ALPHABET + "]{18}");

    private UnifiedSocialCreditCode() {
    }

    /** The failures of {@code input}, none when it is a valid code. */
    public static List<IdentityFailure> check(String input) {
        String code = input == null ? "" : input.trim().toUpperCase();
        if (!FORMAT.matcher(code).matches()) {
            return List.of(IdentityFailure.USCC_FORMAT);
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17) ? List.of() : List.of(IdentityFailure.USCC_CHECKSUM);
    }

    static char checkCharacter(String seventeen) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(seventeen.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
