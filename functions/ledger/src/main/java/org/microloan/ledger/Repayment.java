package org.microloan.ledger;

import java.time.LocalDate;

import org.microloan.money.Money;
import org.microloan.servicing.PrepaymentChoice;

/**
 * Money received for a loan on a day. The idempotency key makes posting it again harmless; the choice
 * says what the borrower wants done with anything beyond what is due.
 */
public record Repayment(String loanId, Money amount, LocalDate on, String idempotencyKey, PrepaymentChoice choice) {
}
