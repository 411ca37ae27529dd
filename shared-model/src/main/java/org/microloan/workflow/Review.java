package org.microloan.workflow;

import java.time.Instant;

/** A person's decision on a referred application: who, when, and why (the borrower may ask: PIPL art. 24). */
public record Review(boolean approved, String reviewer, String reason, Instant at) {
}
