package org.microloan.integrations.partners;

import java.time.Instant;

/**
 * One status change of a partner's application, to be POSTed to the partner: {@code messageId} is its
 * {@code webhook-id} on every attempt, so the partner can drop a repeat. {@code payload} carries ids and
 * the status only, never personal data. {@code lastResult} is the partner's HTTP status, or why no
 * answer came; {@code nextAttemptAt} is null once it is delivered or given up.
 */
public record PartnerNotice(
        String applicationId,
        String status,
        String partnerId,
        String messageId,
        String payload,
        Instant createdAt,
        int attempts,
        String lastResult,
        Instant lastAttemptAt,
        Instant windowStart,
        Instant nextAttemptAt,
        State state) {

    public enum State { PENDING, DELIVERED, GAVE_UP }
}
