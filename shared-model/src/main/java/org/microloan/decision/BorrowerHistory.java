package org.microloan.decision;

import org.microloan.money.Money;

/**
 * What the platform already knows about the borrower when a new application arrives.
 *
 * @param outstanding          principal owed across all products now
 * @param applicationsLast24h  applications before this one in the last 24 hours
 */
public record BorrowerHistory(Money outstanding, int applicationsLast24h) {

    public static final BorrowerHistory NEW_BORROWER = new BorrowerHistory(Money.ZERO, 0);
}
