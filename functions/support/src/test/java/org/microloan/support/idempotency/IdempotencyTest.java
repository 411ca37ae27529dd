package org.microloan.support.idempotency;

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
import org.microloan.support.ConcurrentUpdateException;
import org.microloan.support.testing.DynamoDbLocal;

class IdempotencyTest {

    public record Outcome(String decision, int score) {
    }

    private final DynamoIdempotencyStore store = new DynamoIdempotencyStore(DynamoDbLocal.client(), DynamoDbLocal.TABLE);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private final Idempotency idempotency = new Idempotency(store, new ObjectMapper(), clock, Duration.ofDays(7),
            Duration.ofMinutes(2));
    private final String app = UUID.randomUUID().toString();

    @Test
    void sameKeySamePayload_runsOnce_andReturnsTheRecordedResult() {
        AtomicInteger runs = new AtomicInteger();

        Outcome first = idempotency.once(app, "score", Map.of("applicationId", app), Outcome.class,
                () -> new Outcome("APPROVE", 600 + runs.incrementAndGet()));
        Outcome second = idempotency.once(app, "score", Map.of("applicationId", app), Outcome.class,
                () -> new Outcome("APPROVE", 600 + runs.incrementAndGet()));

        assertThat(runs).hasValue(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void sameKeyOtherPayload_isRefused() {
        idempotency.once(app, "score", Map.of("applicationId", app), Outcome.class, () -> new Outcome("APPROVE", 600));

        assertThatThrownBy(() -> idempotency.once(app, "score", Map.of("applicationId", app, "x", 1), Outcome.class,
                () -> new Outcome("DECLINE", 500))).isInstanceOf(Idempotency.KeyReusedException.class);
    }

    @Test
    void aFailedRun_leavesNothing_soTheRetryRuns() {
        assertThatThrownBy(() -> idempotency.once(app, "disburse", Map.of(), Outcome.class, () -> {
            throw new IllegalStateException("rail down");
        })).hasMessage("rail down");

        assertThat(idempotency.once(app, "disburse", Map.of(), Outcome.class, () -> new Outcome("PAID", 1)))
                .isEqualTo(new Outcome("PAID", 1));
    }

    @Test
    void aRunInProgress_makesTheCallerRetry_untilItExpires() {
        Instant now = clock.instant();
        store.putRecord(new IdempotencyRecord("quote#" + app, IdempotencyRecord.Status.IN_PROGRESS,
                "irrelevant", null, now.plus(Duration.ofDays(7)), now.plusSeconds(60)), now);

        assertThatThrownBy(() -> idempotency.once(app, "quote", Map.of(), Outcome.class, () -> new Outcome("x", 0)))
                .isInstanceOf(ConcurrentUpdateException.class);

        Idempotency later = new Idempotency(store, new ObjectMapper(),
                Clock.offset(clock, Duration.ofMinutes(5)), Duration.ofDays(7), Duration.ofMinutes(2));
        assertThat(later.once(app, "quote", Map.of(), Outcome.class, () -> new Outcome("QUOTED", 1)))
                .isEqualTo(new Outcome("QUOTED", 1));
    }
}
