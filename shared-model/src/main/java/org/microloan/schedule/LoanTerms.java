package org.microloan.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.microloan.money.Money;
import org.microloan.money.Rate;

/**
 * What the borrower and the lender agreed: the inputs of a schedule.
 *
 * @param annualRate the contract rate as a fraction a year ({@code 0.24}); for DAILY_ACCRUAL the daily
 *                   rate is this over the day count's days in a year (360 or 365)
 * @param fee        charged up front, out of the amount paid out: the borrower receives principal − fee
 */
public record LoanTerms(
        Money principal,
        BigDecimal annualRate,
        int periods,
        RepaymentMethod method,
        DayCount dayCount,
        Frequency frequency,
        LocalDate start,
        LocalDate firstDue,
        RoundingMode rounding,
        Money fee) {

    /** Long enough for a 30-year mortgage; a longer term is a typing error. */
    public static final int MAX_PERIODS = 600;

    public LoanTerms {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(annualRate, "annualRate");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(dayCount, "dayCount");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(rounding, "rounding");
        if (firstDue == null) {
            firstDue = DueDates.defaultFirstDue(start, frequency);
        }
        if (fee == null) {
            fee = Money.ZERO;
        }
        if (!principal.isPositive()) {
            throw new IllegalArgumentException("principal must be positive, not " + principal);
        }
        if (annualRate.signum() < 0) {
            throw new IllegalArgumentException("the rate must not be negative, not " + annualRate);
        }
        if (periods < 1 || periods > MAX_PERIODS) {
            throw new IllegalArgumentException("periods must be 1 to " + MAX_PERIODS + ", not " + periods);
        }
        if (rounding != RoundingMode.HALF_UP && rounding != RoundingMode.HALF_EVEN) {
            throw new IllegalArgumentException("rounding must be HALF_UP or HALF_EVEN, not " + rounding);
        }
        if (fee.isNegative() || !fee.isLessThan(principal)) {
            throw new IllegalArgumentException("the fee must be at least 0 and less than the principal, not " + fee);
        }
        if (!firstDue.isAfter(start)) {
            throw new IllegalArgumentException("the first due date " + firstDue + " must be after the start " + start);
        }
    }

    /** A daily rate as the product quotes it (0.0005 for 0.05% a day), with the convention it implies. */
    public static BigDecimal annualRateFromDaily(BigDecimal dailyRate, DayCount dayCount) {
        return dailyRate.multiply(BigDecimal.valueOf(dayCount.daysInYear()));
    }

    public BigDecimal dailyRate() {
        return annualRate.divide(BigDecimal.valueOf(dayCount.daysInYear()), Rate.CONTEXT);
    }

    /** What the borrower actually receives on the start date. */
    public Money netDisbursed() {
        return principal.minus(fee);
    }

    public List<InterestPeriod> interestPeriods() {
        return DueDates.periods(start, firstDue, frequency, periods);
    }

    /**
     * r_j = annual rate × the period's year fraction under the day count. 随借随还 always counts actual
     * days: r_j = daily rate × actual days, the day count only saying what a year is (360 or 365 days).
     */
    public BigDecimal periodRate(InterestPeriod period) {
        if (method == RepaymentMethod.DAILY_ACCRUAL) {
            return dailyRate().multiply(BigDecimal.valueOf(period.actualDays()), Rate.CONTEXT);
        }
        if (method == RepaymentMethod.FLAT && period.months() > 0) {
            // 等本等息: the same interest every whole-month period (原始本金 × 年利率 × 月数 / 12), whatever the day count
            return annualRate.multiply(BigDecimal.valueOf(period.months())).divide(BigDecimal.valueOf(12), Rate.CONTEXT);
        }
        return annualRate.multiply(dayCount.yearFraction(period), Rate.CONTEXT);
    }

    public LoanTerms withAnnualRate(BigDecimal newRate) {
        return new LoanTerms(principal, newRate, periods, method, dayCount, frequency, start, firstDue, rounding, fee);
    }
}
