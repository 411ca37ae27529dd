package org.microloan.functions.disburse;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The loan booked and the rail's payout: references only. */
@RegisterForReflection
public record DisburseResult(String applicationId, String loanId, String payoutId, String amount) {
}
