package org.microloan.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.microloan.money.Rate;

/**
 * The legal ceiling on the annualised cost of credit: interest, penalty interest and fees together.
 *
 * @param lprMultiple the multiple of the LPR for {@link CapBasis#LPR4X} (4)
 * @param fixedCap    the line for {@link CapBasis#FIXED24}, as a fraction (0.24)
 */
public record RateCap(CapBasis basis, BigDecimal lprMultiple, BigDecimal fixedCap, LprTable lpr) {

    public RateCap {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(lpr, "lpr");
    }

    public static RateCap of(CapBasis basis, LprTable lpr) {
        return new RateCap(basis, BigDecimal.valueOf(4), new BigDecimal("0.24"), lpr);
    }

    /** The cap in force for a contract signed on {@code contractDate}, with the rule that sets it. */
    public Limit on(LocalDate contractDate) {
        if (basis == CapBasis.FIXED24) {
            return new Limit(fixedCap, Rate.toPercent(fixedCap, 2).stripTrailingZeros().toPlainString()
                    + "% comprehensive cost");
        }
        LprTable.Fixing fixing = lpr.on(contractDate).orElseThrow(() -> new IllegalArgumentException(
                "no LPR is configured for " + contractDate + ": the table starts on " + lpr.firstEffective()
                        + "; use the FIXED24 basis or a table that covers the date"));
        return new Limit(fixing.rate().multiply(lprMultiple),
                lprMultiple.stripTrailingZeros().toPlainString() + " x LPR " + Rate.toPercent(fixing.rate(), 2)
                        + "% on " + contractDate);
    }

    /** Whether an annual rate (a fraction) may be charged under a contract signed on {@code contractDate}. */
    public CapCheck check(BigDecimal annualRate, LocalDate contractDate) {
        return CapCheck.of(annualRate, on(contractDate));
    }

    /** @param rate the cap as a fraction; @param rule the rule that sets it, in words */
    public record Limit(BigDecimal rate, String rule) {
    }

    /** The verdict on one rate: allowed or not, the cap, the rule, and by how much it was exceeded. */
    public record CapCheck(boolean allowed, BigDecimal rate, BigDecimal cap, String rule) {

        public static CapCheck of(BigDecimal annualRate, Limit limit) {
            return new CapCheck(annualRate.compareTo(limit.rate()) <= 0, annualRate, limit.rate(), limit.rule());
        }

        /** How far over the cap the rate is, as a fraction; zero when allowed. */
        public BigDecimal excess() {
            return rate.subtract(cap).max(BigDecimal.ZERO);
        }
    }
}
