package org.microloan.servicing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.microloan.money.Money;
import org.microloan.product.Product;

/**
 * The quarterly review of a credit line (PRODUCT.md §6: credit growth). A quarter paid in full and on
 * time raises the line and lowers the price, within the product's amounts and rate band; any lateness
 * cuts the line; more than {@code freezeAfterDays} days past due freezes it. Every outcome says why.
 *
 * @param raiseShare  how much a good quarter adds to the line (0.2 = 20%)
 * @param cutShare    how much a late quarter takes off
 * @param priceStep   how much a good quarter takes off the annual rate
 */
public record CreditLineReview(BigDecimal raiseShare, BigDecimal cutShare, BigDecimal priceStep, int minOnTimePayments,
                               int freezeAfterDays) {


    public enum Action { RAISE, HOLD, CUT, FREEZE }

    /** Lines are reviewed on the last day of each quarter (31 March, 30 June, 30 September, 31 December). */
    public static boolean dueOn(java.time.LocalDate day) {
        return day.getMonthValue() % 3 == 0 && day.equals(day.withDayOfMonth(day.lengthOfMonth()));
    }

    /** What the quarter showed. */
    public record Quarter(int installmentsDue, int paidOnTime, long maxDaysPastDue) {
    }

    public record Outcome(Action action, Money line, BigDecimal annualRate, boolean frozen, String reason) {
    }

    public Outcome review(Product product, Money line, BigDecimal annualRate, Quarter quarter) {
        if (quarter.maxDaysPastDue() > freezeAfterDays) {
            return new Outcome(Action.FREEZE, line, annualRate, true,
                    quarter.maxDaysPastDue() + " days past due this quarter: line frozen");
        }
        if (quarter.maxDaysPastDue() > 0) {
            Money cut = hundreds(line.multipliedBy(BigDecimal.ONE.subtract(cutShare), RoundingMode.DOWN));
            return new Outcome(Action.CUT, cut, annualRate, false,
                    "late this quarter (" + quarter.maxDaysPastDue() + " days): line cut from " + line + " to " + cut);
        }
        if (quarter.paidOnTime() >= minOnTimePayments && quarter.paidOnTime() == quarter.installmentsDue()) {
            Money raised = hundreds(line.multipliedBy(BigDecimal.ONE.add(raiseShare), RoundingMode.DOWN)).min(product.maxAmount());
            BigDecimal lower = annualRate.subtract(priceStep).max(product.minRate());
            return new Outcome(Action.RAISE, raised, lower, false, quarter.paidOnTime() + " of "
                    + quarter.installmentsDue() + " paid on time: line " + line + " → " + raised + ", rate lowered");
        }
        return new Outcome(Action.HOLD, line, annualRate, false,
                quarter.paidOnTime() + " of " + quarter.installmentsDue() + " paid on time: no change");
    }

    private static Money hundreds(Money amount) {
        return Money.of(amount.amount().divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).multiply(BigDecimal.valueOf(100)));
    }
}
