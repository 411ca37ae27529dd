package org.microloan.localstack.states;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The local stack's time: the machine's, plus an offset that tests and the demo move forward (so a
 * Wait, a task's timeout or a due date arrives without waiting for it). With {@code instantWaits} a
 * Wait or a retry's interval moves the clock instead of sleeping: for conformance tests.
 */
public final class LocalClock {

    private final boolean instantWaits;
    private final Optional<Path> offsetFile;
    private Duration offset = Duration.ZERO;

    /** @param offsetFile where the offset is written for the functions to read (their clocks follow this one) */
    public LocalClock(boolean instantWaits, Optional<Path> offsetFile) {
        this.instantWaits = instantWaits;
        this.offsetFile = offsetFile;
        write();
    }

    public synchronized Instant now() {
        return Instant.now().plus(offset);
    }

    /** Moves the clock forward (never back) and wakes whatever waits for a time. */
    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset = offset.plus(by);
        write();
        notifyAll();
    }

    private void write() {
        offsetFile.ifPresent(file -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path next = file.resolveSibling(file.getFileName() + ".next");
                Files.writeString(next, offset.toString());
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public synchronized void set(Instant to) {
        Duration by = Duration.between(now(), to);
        if (!by.isNegative()) {
            advance(by);
        }
    }

    /** Waits until {@code deadline} (a Wait state, a retry's interval); false when stopped first. */
    public boolean sleepUntil(Instant deadline, BooleanSupplier stopped) throws InterruptedException {
        if (instantWaits) {
            set(deadline);
            return !stopped.getAsBoolean();
        }
        return awaitUntil(deadline, stopped);
    }

    /** Waits until {@code deadline} by this clock, however it gets there; false when stopped first. */
    public synchronized boolean awaitUntil(Instant deadline, BooleanSupplier stopped) throws InterruptedException {
        while (now().isBefore(deadline)) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            long millis = Math.min(Duration.between(now(), deadline).toMillis(), 200);
            wait(Math.max(millis, 1));
        }
        return !stopped.getAsBoolean();
    }

    /** Wakes the waiters so they look again (a task token was answered, an execution stopped). */
    public synchronized void poke() {
        notifyAll();
    }
}
