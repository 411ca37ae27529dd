package org.microloan.identity;

import java.util.Optional;

/**
 * A telephone number as the books keep it: a keyed hash (the person key's secret), so the calls to one number
 * can be counted without keeping the number, and its masked form for staff to read.
 */
public record NumberKey(String value, String masked) {

    /**
     * The number as dialled: digits, with an optional leading + and any spaces or dashes; empty when it is not
     * a telephone number.
     */
    public static Optional<NumberKey> of(byte[] secret, String number) {
        String digits = number == null ? "" : number.strip().replaceAll("[\\s-]", "");
        if (!digits.matches("\\+?[0-9]{6,15}")) {
            return Optional.empty();
        }
        // TEL: keeps a number apart from an ID number of the same digits
        return Optional.of(new NumberKey("nk_" + PersonKey.keyed(secret, "TEL:" + digits), Mask.mobile(digits)));
    }
}
