package org.microloan.servicing;

/** What the borrower wants from a partial prepayment. */
public enum PrepaymentChoice {
    /** Keep the installment, finish sooner. */
    SHORTEN_TERM,
    /** Keep the end date, pay less each period. */
    LOWER_INSTALLMENT
}
