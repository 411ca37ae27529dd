package org.microloan.identity;

import java.util.regex.Pattern;

/**
 * The masked forms of personal data, the only forms that may appear in a response, a log or a workflow
 * payload (PRODUCT.md §5).
 */
public final class Mask {

    private Mask() {
    }

    /** {@code 11010519491231002X} → {@code 110105********002X}: region and last four only. */
    public static String idNumber(String number) {
        return keep(number, 6, 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String mobile(String number) {
        return keep(number, 3, 4);
    }

    /** {@code 张三丰} → {@code 张**}: the family name only. */
    public static String name(String name) {
        return keep(name, 1, 0);
    }

    /** {@code 6222021234567890123} → {@code ***************0123}: the last four only. */
    public static String bankAccount(String account) {
        return keep(account, 0, 4);
    }

    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{4,}(?=\\d{4}[\\dXx]?)");

    /**
     * Free text that may quote a number (an error's cause): every run of eight or more digits keeps its
     * last four (and an ID number's check character), {@code refused 11010519491231002X} → {@code refused
     * *************1002X}.
     */
    public static String digitRuns(String text) {
        return text == null ? null : LONG_DIGIT_RUN.matcher(text).replaceAll(m -> "*".repeat(m.group().length()));
    }

    /** Keeps {@code head} leading and {@code tail} trailing characters, starring the rest; too short: all stars. */
    private static String keep(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int[] codePoints = value.trim().codePoints().toArray();
        if (codePoints.length <= head + tail) {
            return "*".repeat(codePoints.length);
        }
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < codePoints.length; i++) {
            boolean shown = i < head || i >= codePoints.length - tail;
            masked.appendCodePoint(shown ? codePoints[i] : '*');
        }
        return masked.toString();
    }
}
