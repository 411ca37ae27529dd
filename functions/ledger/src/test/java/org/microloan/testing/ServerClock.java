package org.microloan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Sets the functions' clock in tests, as the local stack moves its own: the offset the clock reads from the file
 * {@code microloan.clock-offset-file} names ({@code target/test-clock-offset}, relative to the module).
 */
public final class ServerClock {

    private static final Path FILE = Path.of("target", "test-clock-offset");

    private ServerClock() {
    }

    /** The server's "now" becomes {@code when} (and runs on from there). */
    public static void at(Instant when) {
        write(Duration.between(Instant.now(), when));
    }

    public static void reset() {
        write(Duration.ZERO);
    }

    private static void write(Duration offset) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, offset.toString());
            // the clock looks at the file every 50 ms
            Thread.sleep(120);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
