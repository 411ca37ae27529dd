package org.microloan.ledger;

/** A repayment of a loan already repaid in full: nothing is owed, so nothing is taken. */
public class LoanSettledException extends RuntimeException {

    public LoanSettledException(String loanId) {
        super("loan " + loanId + " is repaid in full: nothing is owed");
    }
}
