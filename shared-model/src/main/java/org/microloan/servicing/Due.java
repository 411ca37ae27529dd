package org.microloan.servicing;

/** The kinds of money a borrower can owe at once; a payment settles them in an {@link AllocationOrder}. */
public enum Due {
    PENALTY_INTEREST,
    OVERDUE_INTEREST,
    OVERDUE_PRINCIPAL,
    CURRENT_INTEREST,
    CURRENT_PRINCIPAL
}
