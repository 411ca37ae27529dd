package org.microloan.ledger;

/** A repayment the loan's terms cannot take as sent; the message says what to send instead. */
public class RepaymentRefusedException extends RuntimeException {

    public RepaymentRefusedException(String detail) {
        super(detail);
    }
}
