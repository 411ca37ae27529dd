package org.microloan.servicing;

import java.util.Optional;

import org.microloan.money.Money;

/**
 * Money that has moved to the lender for a loan, as the account took it: what it repaid, and what the loan
 * could not take (after a pay-off, or beyond it), held for the borrower to be refunded. Money received is
 * never refused: it has already moved.
 */
public record ReceivedMoney(LoanAccount account, Optional<RepaymentOutcome.Repaid> repaid, Money unapplied) {

    public Money booked() {
        return repaid.map(r -> r.principal().plus(r.interest()).plus(r.penaltyInterest()).plus(r.prepaymentPenalty()))
                .orElse(Money.ZERO);
    }
}
