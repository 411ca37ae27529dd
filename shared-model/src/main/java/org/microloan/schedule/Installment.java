package org.microloan.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.microloan.money.Money;

/**
 * One line of a schedule.
 *
 * @param periodRate the interest rate for this period (r_j), unrounded
 * @param balance    principal still outstanding once this installment is paid
 */
public record Installment(
        int number, InterestPeriod period, BigDecimal periodRate, Money principal, Money interest, Money balance) {

    public LocalDate dueDate() {
        return period.end();
    }

    public Money total() {
        return principal.plus(interest);
    }

    /** Principal outstanding during the period, before this installment is paid. */
    public Money openingBalance() {
        return balance.plus(principal);
    }
}
