package org.microloan.functions.disburse;

/** The loan booked and the rail's payout: references only. */
public record DisburseResult(String applicationId, String loanId, String payoutId, String amount) {
}
