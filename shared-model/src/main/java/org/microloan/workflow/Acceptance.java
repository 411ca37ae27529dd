package org.microloan.workflow;

import java.time.Instant;

/**
 * The borrower's answer to the offer, and how it reached us: {@code borrower} through the API, or
 * {@code workflow} when the payout step found the workflow past the wait with nothing recorded (an answer
 * recorded before this record had a shape said only that; it was an acceptance).
 */
public record Acceptance(Boolean accepted, Instant at, String via) {

    public Acceptance {
        accepted = accepted == null || accepted;
    }
}
