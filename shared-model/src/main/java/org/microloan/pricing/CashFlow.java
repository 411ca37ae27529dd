package org.microloan.pricing;

import java.time.LocalDate;

import org.microloan.money.Money;

/** Money that changes hands between lender and borrower, seen from the borrower: received positive, paid negative. */
public record CashFlow(LocalDate date, Money amount) {

    public static CashFlow received(LocalDate date, Money amount) {
        return new CashFlow(date, amount);
    }

    public static CashFlow paid(LocalDate date, Money amount) {
        return new CashFlow(date, amount.negated());
    }
}
