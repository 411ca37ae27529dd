package org.microloan.servicing;

/** A booked loan is ACTIVE until everything it owes is repaid, then SETTLED. */
public enum LoanStatus {
    ACTIVE,
    SETTLED
}
