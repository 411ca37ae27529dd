package org.microloan.origination.idempotency;

import java.time.Instant;

/**
 * One step's run for one key: in progress (until {@code inProgressUntil}, so a run that died does not
 * block the retry), or completed with its result (kept until {@code expiresAt}, the table's TTL).
 *
 * @param payloadHash SHA-256 of the part of the request that must not change under the same key
 */
public record IdempotencyRecord(String key, Status status, String payloadHash, String result, Instant expiresAt,
                                Instant inProgressUntil) {

    public enum Status { IN_PROGRESS, COMPLETED }
}
