package org.microloan.servicing;

import java.time.LocalDate;

import org.microloan.money.Money;

/**
 * What settles a loan in full on one day.
 *
 * @param duePrincipal       principal of installments due on or before the day and not paid
 * @param dueInterest        interest of those installments
 * @param penaltyInterest    罚息 on the overdue principal, for the days it was overdue
 * @param principalNotDue    principal repaid before it falls due (the base of the prepayment penalty)
 * @param accruedInterest    interest run in the current period up to the day
 * @param prepaymentPenalty  the penalty on the principal prepaid, after the cap
 */
public record PayoffQuote(
        LocalDate on,
        Money duePrincipal,
        Money dueInterest,
        Money penaltyInterest,
        Money principalNotDue,
        Money accruedInterest,
        Money prepaymentPenalty) {

    public Money principal() {
        return duePrincipal.plus(principalNotDue);
    }

    /** Interest of every kind: due, penalty, and accrued. */
    public Money interest() {
        return dueInterest.plus(penaltyInterest).plus(accruedInterest);
    }

    public Money total() {
        return principal().plus(interest()).plus(prepaymentPenalty);
    }
}
