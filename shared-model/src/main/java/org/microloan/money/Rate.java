package org.microloan.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Interest rates are fractions ({@code 0.24} is 24% a year) held as {@link BigDecimal}. Percent is only
 * how people write them, so the conversion happens at the edges.
 */
public final class Rate {

    /** Precision for every unrounded intermediate: rates, discount factors, accruals. */
    public static final MathContext CONTEXT = MathContext.DECIMAL128;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rate() {
    }

    /** {@code 24} → {@code 0.24}. */
    public static BigDecimal fromPercent(BigDecimal percent) {
        return percent.movePointLeft(2);
    }

    /** {@code 0.158549…} → {@code 15.85} at the given number of decimals. */
    public static BigDecimal toPercent(BigDecimal fraction, int decimals) {
        return fraction.multiply(HUNDRED).setScale(decimals, RoundingMode.HALF_UP);
    }
}
