package org.microloan.ledger;

import org.microloan.money.Money;

/** A repayment above everything owed: refused, with the exact figure that would settle the loan. */
public class PayoffExceededException extends RuntimeException {

    private final Money payoff;

    public PayoffExceededException(Money offered, Money payoff) {
        super(offered + " is more than the pay-off amount " + payoff + " on this day: send at most " + payoff);
        this.payoff = payoff;
    }

    public Money payoff() {
        return payoff;
    }
}
