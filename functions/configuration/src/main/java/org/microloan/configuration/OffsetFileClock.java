package org.microloan.configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The machine's time plus an offset kept in a file (an ISO-8601 duration, e.g. {@code PT720H}). The local
 * stack moves its time forward for demos and tests (a due date arrives without waiting a month) and writes
 * the offset there, so every function and the stack agree on the business date. In AWS there is no file:
 * the functions run on the system clock.
 */
final class OffsetFileClock extends Clock {

    private static final long LOOK_EVERY_MILLIS = 50;

    private final Path file;
    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;
    private volatile long lookedAt;

    OffsetFileClock(Path file) {
        this(file, ZoneOffset.UTC);
    }

    private OffsetFileClock(Path file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new OffsetFileClock(file, other);
    }

    private Duration offset() {
        long now = System.currentTimeMillis();
        if (now - lookedAt >= LOOK_EVERY_MILLIS) {
            lookedAt = now;
            try {
                if (Files.exists(file)) {
                    offset = Duration.parse(Files.readString(file).trim());
                }
            } catch (IOException | RuntimeException e) {
                // being rewritten this instant: the offset read before holds
            }
        }
        return offset;
    }
}
