package org.microloan.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.scoring.Grade;

/**
 * A loan product and its bands, as configured in the catalogue.
 *
 * @param minRate        the band's floor, annual fraction
 * @param maxRate        the band's ceiling, annual fraction
 * @param baseRate       the price for grade A before its spread, annual fraction
 * @param gradeSpread    added to the base, annual fraction, for grades A–D
 * @param quotedDaily    whether the product is quoted as a daily rate (随借随还)
 * @param lineMultiple   credit line as a multiple of monthly income (business flows for BUSINESS)
 * @param outstandingLimit the most a borrower may owe across all products
 * @param livenessRequired whether an application needs the liveness token of the KYC vendor's SDK
 * @param paidTo         who the payout goes to: the borrower, or the merchant or school named on the application (受托支付)
 * @param partialRepayment whether a borrower may repay less than what is due
 */
public record Product(
        String code,
        String name,
        CustomerType customer,
        Money minAmount,
        Money maxAmount,
        int minTermMonths,
        int maxTermMonths,
        BigDecimal minRate,
        BigDecimal maxRate,
        BigDecimal baseRate,
        Map<Grade, BigDecimal> gradeSpread,
        boolean quotedDaily,
        Set<RepaymentMethod> methods,
        DayCount dayCount,
        RoundingMode rounding,
        int minAge,
        int maxAge,
        boolean pastDefaultRecordsAllowed,
        int applicationsPer24h,
        Map<Grade, BigDecimal> lineMultiple,
        Money outstandingLimit,
        boolean livenessRequired,
        PaidTo paidTo,
        boolean partialRepayment) {

    /** Who the money lent goes to. */
    public enum PaidTo {
        BORROWER, MERCHANT, SCHOOL;

        /** Whether the application must name a payee other than the borrower. */
        public boolean entrusted() {
            return this != BORROWER;
        }
    }

    public Product {
        gradeSpread = Map.copyOf(gradeSpread);
        methods = Set.copyOf(methods);
        lineMultiple = Map.copyOf(lineMultiple);
    }

    public boolean offersAmount(Money amount) {
        return !amount.isLessThan(minAmount) && !amount.isGreaterThan(maxAmount);
    }

    public boolean offersTerm(int months) {
        return months >= minTermMonths && months <= maxTermMonths;
    }

    public boolean acceptsAge(int age) {
        return age >= minAge && age <= maxAge;
    }
}
