package org.microloan.pricing;

import static java.math.BigDecimal.ONE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.microloan.money.Money;
import org.microloan.money.Rate;
import org.microloan.pricing.InternalRateOfReturn.TimedAmount;
import org.microloan.schedule.Installment;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;

/**
 * The APR disclosed to the borrower: the internal rate of return of what the borrower really receives
 * (net of up-front fees) and pays, times the periods in a year; and the effective annual rate,
 * (1 + i)^periods − 1. Regular schedules are solved per period; anything irregular (daily accrual, a
 * broken first period, prepayments, arbitrary flows) on actual days, 365 to the year.
 *
 * @param nominal   i × periods per year, as a fraction
 * @param effective (1 + i)^periods per year − 1, as a fraction
 */
public record AnnualPercentageRate(BigDecimal nominal, BigDecimal effective) {

    public static final int DAYS_IN_YEAR = 365;

    /** The APR as it is shown: percent to two decimals. */
    public BigDecimal percent() {
        return Rate.toPercent(nominal, 2);
    }

    public BigDecimal effectivePercent() {
        return Rate.toPercent(effective, 2);
    }

    public static AnnualPercentageRate of(RepaymentSchedule schedule) {
        boolean regular = schedule.terms().method() != RepaymentMethod.DAILY_ACCRUAL
                && schedule.installments().stream().allMatch(i -> i.period().months() > 0);
        if (!regular) {
            return onActualDays(cashFlows(schedule));
        }
        List<TimedAmount> flows = new ArrayList<>();
        flows.add(new TimedAmount(0, schedule.terms().netDisbursed().amount()));
        for (Installment installment : schedule.installments()) {
            flows.add(new TimedAmount(installment.number(), installment.total().amount().negate()));
        }
        BigDecimal guess = schedule.installments().get(0).periodRate();
        return fromRate(InternalRateOfReturn.solve(flows, guess), schedule.terms().frequency().periodsPerYear());
    }

    /** What the borrower receives and pays under a schedule, on their dates. */
    public static List<CashFlow> cashFlows(RepaymentSchedule schedule) {
        List<CashFlow> flows = new ArrayList<>();
        flows.add(CashFlow.received(schedule.terms().start(), schedule.terms().netDisbursed()));
        schedule.installments().forEach(i -> flows.add(CashFlow.paid(i.dueDate(), i.total())));
        return flows;
    }

    /** Any cash flows, on actual days from the first. */
    public static AnnualPercentageRate onActualDays(List<CashFlow> flows) {
        BigDecimal dailyRate = InternalRateOfReturn.solve(timedByDay(flows), new BigDecimal("0.0003"));
        return fromRate(dailyRate, DAYS_IN_YEAR);
    }

    /**
     * The most that can still be charged on {@code on} without the realised APR of {@code flows} rising
     * above {@code capRate} (annual, on actual days): the flows' value at the cap rate, carried to that
     * date. Zero when the flows already reach the cap.
     */
    public static Money roomUnderCap(List<CashFlow> flows, LocalDate on, BigDecimal capRate) {
        BigDecimal dailyCap = capRate.divide(BigDecimal.valueOf(DAYS_IN_YEAR), Rate.CONTEXT);
        List<TimedAmount> timed = timedByDay(flows);
        BigDecimal valueToday = InternalRateOfReturn.npv(timed, dailyCap);
        long days = ChronoUnit.DAYS.between(first(flows), on);
        BigDecimal carried = valueToday.multiply(ONE.add(dailyCap).pow((int) days, Rate.CONTEXT), Rate.CONTEXT);
        return Money.of(carried.max(BigDecimal.ZERO), RoundingMode.DOWN);
    }

    private static AnnualPercentageRate fromRate(BigDecimal ratePerPeriod, int periodsPerYear) {
        BigDecimal effective = ONE.add(ratePerPeriod).pow(periodsPerYear, Rate.CONTEXT).subtract(ONE);
        return new AnnualPercentageRate(ratePerPeriod.multiply(BigDecimal.valueOf(periodsPerYear)), effective);
    }

    private static List<TimedAmount> timedByDay(List<CashFlow> flows) {
        LocalDate first = first(flows);
        return flows.stream()
                .sorted(Comparator.comparing(CashFlow::date))
                .map(f -> new TimedAmount(ChronoUnit.DAYS.between(first, f.date()), f.amount().amount()))
                .toList();
    }

    private static LocalDate first(List<CashFlow> flows) {
        return flows.stream().map(CashFlow::date).min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("no cash flows"));
    }
}
