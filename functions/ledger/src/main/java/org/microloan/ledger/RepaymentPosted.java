package org.microloan.ledger;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a repayment did: how it was split (amounts in yuan, by kind of due), what it prepaid, and where
 * the loan stands after it; {@code unapplied} is what the loan could not take, held to refund.
 */
@RegisterForReflection
public record RepaymentPosted(String transactionId, String loanId, String amount, Map<String, String> applied,
                             String principalPrepaid, String accruedInterestPaid, String prepaymentPenalty,
                             String outstandingPrincipal, boolean settled, String unapplied) {
}
