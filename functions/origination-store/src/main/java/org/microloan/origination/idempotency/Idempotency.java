package org.microloan.origination.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.microloan.workflow.ConcurrentUpdateException;
import org.microloan.workflow.KeyReusedException;

/**
 * Runs an API request that changes something at most once per key (the caller and its Idempotency-Key, and
 * the call): a second call with the same key and the same payload returns the recorded result and does
 * nothing; the same key with another payload is refused; a run still in progress makes the caller retry
 * later; a run that failed leaves nothing behind. A claim lasts only as long as its run can: the Lambda's
 * remaining time (as Powertools does), so a run that crashed or timed out never turns retries into "already
 * running". (The workflow's steps claim on the application itself: {@code StepContext.once}.)
 */
public final class Idempotency {

    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration keep;

    /** @param keep how long a completed result is kept (the table's TTL) */
    public Idempotency(IdempotencyStore store, ObjectMapper json, Clock clock, Duration keep) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.keep = keep;
    }

    /**
     * @param requestKey who asks and the key they sent ({@code borrower:Idempotency-Key})
     * @param call       what is asked ({@code POST /v1/applications})
     * @param runsAtMost how long this run can still take: the function's remaining time, after which Lambda
     *                   has ended it, so the claim may be taken over
     */
    public <T> T once(String requestKey, String call, Object payload, Class<T> type, Duration runsAtMost,
                      Supplier<T> work) {
        String key = call + "#" + requestKey;
        String hash = sha256(write(payload));
        // the claim first, the record read only when the claim is refused: one round trip fewer on every first run
        Instant now = clock.instant();
        IdempotencyRecord claim = new IdempotencyRecord(key, IdempotencyRecord.Status.IN_PROGRESS, hash, null,
                now.plus(keep), now.plus(runsAtMost));
        if (!store.putRecord(claim, now)) {
            return recorded(key, hash, type).orElseThrow(
                    () -> new ConcurrentUpdateException(key + " is already running"));
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            store.deleteRecord(key);
            throw e;
        }
        store.updateRecord(new IdempotencyRecord(key, IdempotencyRecord.Status.COMPLETED, hash, write(result),
                clock.instant().plus(keep), claim.inProgressUntil()));
        return result;
    }

    private <T> Optional<T> recorded(String key, String hash, Class<T> type) {
        Optional<IdempotencyRecord> existing = store.getRecord(key);
        if (existing.isEmpty() || existing.get().expiresAt().isBefore(clock.instant())) {
            return Optional.empty();
        }
        IdempotencyRecord record = existing.get();
        if (record.status() == IdempotencyRecord.Status.IN_PROGRESS) {
            if (record.inProgressUntil().isBefore(clock.instant())) {
                return Optional.empty();
            }
            throw new ConcurrentUpdateException(key + " is already running");
        }
        if (!record.payloadHash().equals(hash)) {
            throw new KeyReusedException(key);
        }
        try {
            return Optional.of(json.readValue(record.result(), type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recorded result of " + key + " no longer reads as " + type.getSimpleName(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
