package org.microloan.workflow;

import java.time.Instant;

/** Ops replaying a failed application: from which step, who, why, when, and the execution it started. */
public record Replay(ReplayPoint from, String by, String reason, String executionArn, Instant at) {
}
