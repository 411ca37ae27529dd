package org.microloan.pricing;

import java.math.BigDecimal;
import java.util.Optional;

import org.microloan.money.Money;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.scoring.Grade;

/**
 * The offer a borrower sees: the APR first, then the rate, the schedule and the credit line.
 *
 * @param annualRate the contract rate, annual fraction
 * @param dailyRate  the same as a daily fraction, for products quoted daily
 * @param cappedBy   the legal rule that held the rate down, when one did
 * @param amount     what is offered: the amount asked for, within the credit line
 */
public record RateQuote(
        AnnualPercentageRate apr,
        BigDecimal annualRate,
        Optional<BigDecimal> dailyRate,
        Optional<String> cappedBy,
        Grade grade,
        Money amount,
        Money creditLine,
        RepaymentSchedule schedule,
        String modelVersion) {
}
