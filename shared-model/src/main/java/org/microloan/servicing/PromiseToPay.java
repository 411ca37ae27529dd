package org.microloan.servicing;

import java.time.LocalDate;

import org.microloan.money.Money;

/**
 * A borrower's word on a call: {@code amount} paid by {@code by}. Kept when the money received with value
 * dates from the day of the promise through {@code by} reaches the amount; broken once {@code by} has passed
 * without it; pending until then.
 */
public record PromiseToPay(LocalDate madeOn, LocalDate by, Money amount) {

    public enum Status { PENDING, KEPT, BROKEN }

    public PromiseToPay {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a promise to pay is of more than 0, not " + amount);
        }
        if (by.isBefore(madeOn)) {
            throw new IllegalArgumentException("a promise to pay by " + by + " is before the day it was made, " + madeOn);
        }
    }

    /** Whether a value date counts towards this promise. */
    public boolean covers(LocalDate valueDate) {
        return !valueDate.isBefore(madeOn) && !valueDate.isAfter(by);
    }

    /** @param paid what was received with value dates this promise {@link #covers}; @param today the business date */
    public Status status(Money paid, LocalDate today) {
        if (!paid.isLessThan(amount)) {
            return Status.KEPT;
        }
        return today.isAfter(by) ? Status.BROKEN : Status.PENDING;
    }
}
