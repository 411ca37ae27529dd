package org.microloan.workflow;

/** The loan booked and the rail's payout: references only. */
public record DisburseResult(String applicationId, String loanId, String payoutId, String amount) {
}
