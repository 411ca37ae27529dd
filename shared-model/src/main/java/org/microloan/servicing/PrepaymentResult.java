package org.microloan.servicing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.microloan.money.Money;
import org.microloan.schedule.Installment;

/**
 * A partial prepayment and the schedule that follows it.
 *
 * @param accruedInterest interest run on the whole balance in the current period up to the day, paid with it
 * @param emi             the installment from now on, for equal-installment loans
 * @param remaining       the new installments, numbered on from the current one
 */
public record PrepaymentResult(
        LocalDate on,
        Money principalPrepaid,
        Money accruedInterest,
        Money penalty,
        Optional<Money> emi,
        List<Installment> remaining) {

    public PrepaymentResult {
        remaining = List.copyOf(remaining);
    }

    /** What the borrower pays on the day. */
    public Money payment() {
        return principalPrepaid.plus(accruedInterest).plus(penalty);
    }

    public Money remainingInterest() {
        return Money.total(remaining.stream().map(Installment::interest));
    }
}
