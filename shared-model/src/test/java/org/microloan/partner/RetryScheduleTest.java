package org.microloan.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofHours(24));

    @Test
    void theWaitDoubles_thenStaysAtTheLongest_andStopsAfterADay() {
        List<Instant> attempts = new ArrayList<>(List.of(T0));
        Optional<Instant> next;
        while ((next = schedule.next(T0, attempts.get(attempts.size() - 1), attempts.size())).isPresent()) {
            attempts.add(next.get());
        }
        assertThat(attempts.subList(0, 6)).containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(90),
                T0.plusSeconds(210), T0.plusSeconds(450), T0.plusSeconds(930));
        Instant last = attempts.get(attempts.size() - 1);
        assertThat(last).isBeforeOrEqualTo(T0.plus(Duration.ofHours(24))).isAfter(T0.plus(Duration.ofHours(22)));
        assertThat(Duration.between(attempts.get(attempts.size() - 2), last)).isEqualTo(Duration.ofHours(2));
        assertThat(attempts).hasSize(19);
    }

    @Test
    void aResendLongAfterTheFirstAttemptStillGetsItsNextTry_fromWhenItWasResent() {
        Instant resent = T0.plus(Duration.ofDays(3));
        assertThat(schedule.next(resent, resent, 25)).contains(resent.plus(Duration.ofHours(2)));
        assertThat(schedule.next(T0, T0, 200)).contains(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void aScheduleThatCouldNeverRetryIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1)))
                .hasMessageContaining("first");
        assertThatThrownBy(() -> schedule.next(T0, T0, 0)).hasMessageContaining("no attempt");
    }
}
