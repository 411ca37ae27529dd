package org.microloan.ledger;

import java.time.LocalDate;

import org.microloan.money.Money;
import org.microloan.servicing.PrepaymentChoice;

/**
 * Money received for a loan on a day. The idempotency key makes posting it again harmless; the choice
 * says what the borrower wants done with anything beyond what is due; the origin says where the money
 * came in (the rail, or the lender's bank account for money ops received another way).
 */
public record Repayment(String loanId, Money amount, LocalDate on, String idempotencyKey, PrepaymentChoice choice,
                        CollectionRecord.Origin origin) {

    /** Money the rail collected from the borrower. */
    public Repayment(String loanId, Money amount, LocalDate on, String idempotencyKey, PrepaymentChoice choice) {
        this(loanId, amount, on, idempotencyKey, choice, CollectionRecord.Origin.BORROWER);
    }
}
