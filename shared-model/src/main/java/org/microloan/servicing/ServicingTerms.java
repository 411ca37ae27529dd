package org.microloan.servicing;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The product's rules for a loan in its life: what prepaying costs, what lateness costs, in which order
 * a payment settles what is owed, and the legal cap all of it stays under.
 *
 * @param prepaymentPenaltyRate    share of the principal prepaid charged as a penalty (0.01 = 1%)
 * @param maxPrepaymentPenaltyRate the most a product may configure (1% by default)
 * @param penaltyInterestMultiple  罚息 rate as a multiple of the contract rate (1.5)
 * @param cap                      the annual cap on the contract date (all costs together), if one applies
 * @param partialRepayment         whether a borrower may send less than what is due (the product's rule)
 */
public record ServicingTerms(
        BigDecimal prepaymentPenaltyRate,
        BigDecimal maxPrepaymentPenaltyRate,
        BigDecimal penaltyInterestMultiple,
        AllocationOrder allocationOrder,
        Optional<BigDecimal> cap,
        boolean partialRepayment) {

    public ServicingTerms {
        Objects.requireNonNull(allocationOrder, "allocationOrder");
        Objects.requireNonNull(cap, "cap");
        if (prepaymentPenaltyRate.signum() < 0 || prepaymentPenaltyRate.compareTo(maxPrepaymentPenaltyRate) > 0) {
            throw new IllegalArgumentException("the prepayment penalty must be 0 to "
                    + maxPrepaymentPenaltyRate.movePointRight(2).stripTrailingZeros().toPlainString()
                    + "% of the principal prepaid, not "
                    + prepaymentPenaltyRate.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        }
        if (penaltyInterestMultiple.signum() < 0) {
            throw new IllegalArgumentException("the penalty interest multiple must not be negative");
        }
    }

    /**
     * No prepayment penalty, 1% at most, penalty interest 1.5 × the contract rate, the default order, no cap,
     * partial repayment allowed.
     */
    public static ServicingTerms defaults() {
        return new ServicingTerms(BigDecimal.ZERO, new BigDecimal("0.01"), new BigDecimal("1.5"),
                AllocationOrder.DEFAULT, Optional.empty(), true);
    }

    public ServicingTerms withPrepaymentPenaltyRate(BigDecimal rate) {
        return new ServicingTerms(rate, maxPrepaymentPenaltyRate, penaltyInterestMultiple, allocationOrder, cap,
                partialRepayment);
    }

    public ServicingTerms withCap(BigDecimal annualCap) {
        return new ServicingTerms(prepaymentPenaltyRate, maxPrepaymentPenaltyRate, penaltyInterestMultiple,
                allocationOrder, Optional.of(annualCap), partialRepayment);
    }

    public ServicingTerms withPartialRepayment(boolean allowed) {
        return new ServicingTerms(prepaymentPenaltyRate, maxPrepaymentPenaltyRate, penaltyInterestMultiple,
                allocationOrder, cap, allowed);
    }

    /** The 罚息 rate: the multiple of the contract rate, but never above the cap, which covers it too. */
    public BigDecimal penaltyInterestRate(BigDecimal contractRate) {
        BigDecimal rate = contractRate.multiply(penaltyInterestMultiple);
        return cap.map(rate::min).orElse(rate);
    }
}
