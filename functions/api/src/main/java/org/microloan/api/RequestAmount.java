package org.microloan.api;

import org.microloan.money.Money;

/** An amount a request names, in yuan as a string: anything but a positive amount to the fen is a 400 naming the field. */
final class RequestAmount {

    private RequestAmount() {
    }

    static Money positive(String field, String value) {
        Money amount;
        try {
            amount = Money.of(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new Problems.BadFieldException(field, "send the amount in yuan with at most 2 decimals, e.g. \"1066.19\"");
        }
        if (!amount.isPositive()) {
            throw new Problems.BadFieldException(field, "send an amount above 0");
        }
        return amount;
    }
}
