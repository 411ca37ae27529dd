package org.microloan.workflow;

import java.time.Instant;

/**
 * A reviewer's decision on an application whose amount needs a second person (maker-checker), until that
 * person confirms it (it becomes the {@link Review}) or sends it back with a reason (it stays here, returned,
 * and the application waits for a new decision).
 */
public record ReviewProposal(boolean approve, String maker, String reason, Instant at, String returnedBy,
                             String returnReason, Instant returnedAt) {

    public static ReviewProposal of(boolean approve, String maker, String reason, Instant at) {
        return new ReviewProposal(approve, maker, reason, at, null, null, null);
    }

    /** Waiting for the second person. */
    public boolean pending() {
        return returnedBy == null;
    }

    public ReviewProposal returned(String checker, String why, Instant when) {
        return new ReviewProposal(approve, maker, reason, at, checker, why, when);
    }

    /** The decision, confirmed by {@code checker}. */
    public Review confirmed(String checker, String why) {
        return new Review(approve, maker, reason, at, checker, why);
    }
}
