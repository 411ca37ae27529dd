package org.microloan.schedule;

import java.math.BigDecimal;

import org.microloan.money.Money;

/**
 * Interest that ran in a period before a prepayment changed its balance: the exact amount, and what was
 * paid for it (rounded) on the prepayment date. The rest of the period's interest is then
 * round(exact + new balance × remaining rate) − paid, so the period is still rounded only once.
 */
public record AccruedInterest(BigDecimal exact, Money paid) {

    public static final AccruedInterest NONE = new AccruedInterest(BigDecimal.ZERO, Money.ZERO);
}
