package org.microloan.origination.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.workflow.ConcurrentUpdateException;
import org.microloan.workflow.KeyReusedException;

class IdempotencyTest {

    public record Outcome(String decision, int score) {
    }

    private final DynamoIdempotencyStore store = new DynamoIdempotencyStore(DynamoDbLocal.client(), DynamoDbLocal.TABLE);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private final Idempotency idempotency = new Idempotency(store, new ObjectMapper(), clock, Duration.ofDays(7));
    private final String app = UUID.randomUUID().toString();
    private static final Duration RUN = Duration.ofSeconds(30);

    @Test
    void sameKeySamePayload_runsOnce_andReturnsTheRecordedResult() {
        AtomicInteger runs = new AtomicInteger();

        Outcome first = idempotency.once(app, "score", Map.of("applicationId", app), Outcome.class, RUN,
                () -> new Outcome("APPROVE", 600 + runs.incrementAndGet()));
        Outcome second = idempotency.once(app, "score", Map.of("applicationId", app), Outcome.class, RUN,
                () -> new Outcome("APPROVE", 600 + runs.incrementAndGet()));

        assertThat(runs).hasValue(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void sameKeyOtherPayload_isRefused() {
        idempotency.once(app, "score", Map.of("applicationId", app), Outcome.class, RUN, () -> new Outcome("APPROVE", 600));

        assertThatThrownBy(() -> idempotency.once(app, "score", Map.of("applicationId", app, "x", 1), Outcome.class, RUN,
                () -> new Outcome("DECLINE", 500))).isInstanceOf(KeyReusedException.class);
    }

    @Test
    void aFailedRun_leavesNothing_soTheRetryRuns() {
        assertThatThrownBy(() -> idempotency.once(app, "disburse", Map.of(), Outcome.class, RUN, () -> {
            throw new IllegalStateException("rail down");
        })).hasMessage("rail down");

        assertThat(idempotency.once(app, "disburse", Map.of(), Outcome.class, RUN, () -> new Outcome("PAID", 1)))
                .isEqualTo(new Outcome("PAID", 1));
    }

    @Test
    void aRunInProgress_makesTheCallerRetry_untilItExpires() {
        Instant now = clock.instant();
        store.putRecord(new IdempotencyRecord("quote#" + app, IdempotencyRecord.Status.IN_PROGRESS,
                "irrelevant", null, now.plus(Duration.ofDays(7)), now.plusSeconds(60)), now);

        assertThatThrownBy(() -> idempotency.once(app, "quote", Map.of(), Outcome.class, RUN, () -> new Outcome("x", 0)))
                .isInstanceOf(ConcurrentUpdateException.class);

        Idempotency later = new Idempotency(store, new ObjectMapper(),
                Clock.offset(clock, Duration.ofMinutes(5)), Duration.ofDays(7));
        assertThat(later.once(app, "quote", Map.of(), Outcome.class, RUN, () -> new Outcome("QUOTED", 1)))
                .isEqualTo(new Outcome("QUOTED", 1));
    }

    @Test
    void aRunThatDied_blocksTheRetryOnlyForTheTimeItHadLeft() {
        // the process dies mid-run (an Error is not caught): its claim stays, as after a crash or a time-out
        assertThatThrownBy(() -> idempotency.once(app, "score", Map.of(), Outcome.class, Duration.ofSeconds(30), () -> {
            throw new OutOfMemoryError("killed");
        })).isInstanceOf(OutOfMemoryError.class);

        Idempotency retryAt10s = new Idempotency(store, new ObjectMapper(), Clock.offset(clock, Duration.ofSeconds(10)),
                Duration.ofDays(7));
        assertThatThrownBy(() -> retryAt10s.once(app, "score", Map.of(), Outcome.class, RUN, () -> new Outcome("x", 0)))
                .isInstanceOf(ConcurrentUpdateException.class);
        Idempotency retryAt31s = new Idempotency(store, new ObjectMapper(), Clock.offset(clock, Duration.ofSeconds(31)),
                Duration.ofDays(7));
        assertThat(retryAt31s.once(app, "score", Map.of(), Outcome.class, RUN, () -> new Outcome("APPROVE", 1)))
                .isEqualTo(new Outcome("APPROVE", 1));
    }
}
