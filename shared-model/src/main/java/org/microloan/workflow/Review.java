package org.microloan.workflow;

import java.time.Instant;

/**
 * A person's decision on a referred application: who, when, and why (the borrower may ask: PIPL art. 24); and,
 * where the amount needed two people (maker-checker), who confirmed it and why.
 */
public record Review(boolean approved, String reviewer, String reason, Instant at, String confirmedBy,
                     String confirmation) {

    /** A decision one person could make alone. */
    public Review(boolean approved, String reviewer, String reason, Instant at) {
        this(approved, reviewer, reason, at, null, null);
    }
}
