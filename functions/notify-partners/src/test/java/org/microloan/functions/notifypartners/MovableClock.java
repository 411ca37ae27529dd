package org.microloan.functions.notifypartners;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The tests' time: a day of retries is walked through without waiting for it. */
public final class MovableClock extends Clock {

    private static volatile Instant now = Instant.parse("2026-11-22T08:00:00Z");

    static void set(Instant at) {
        now = at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @ApplicationScoped
    static class Producer {
        @Produces
        @Mock
        Clock clock() {
            return new MovableClock();
        }
    }
}
