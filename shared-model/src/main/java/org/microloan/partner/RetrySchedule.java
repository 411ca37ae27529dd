package org.microloan.partner;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a partner's webhook again after a failed delivery: the wait doubles from {@code first}
 * up to {@code longest}, and no attempt is made later than {@code window} after the first one. Past
 * that the notice is given up, and stays resendable by ops.
 */
public record RetrySchedule(Duration first, Duration longest, Duration window) {

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || window.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= longest and first <= window, got " + first + ", "
                    + longest + ", " + window);
        }
    }

    /** The time of the next attempt after {@code failedAttempts} failures, or empty when it is time to give up. */
    public Optional<Instant> next(Instant firstAttempt, Instant lastAttempt, int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no attempt has failed yet");
        }
        Duration wait = longest;
        // 2^62 nanoseconds is over 146 years: beyond that doubling the first wait only overflows
        if (failedAttempts - 1 < 62 && first.toNanos() <= Long.MAX_VALUE >> (failedAttempts - 1)) {
            Duration doubled = first.multipliedBy(1L << (failedAttempts - 1));
            wait = doubled.compareTo(longest) < 0 ? doubled : longest;
        }
        Instant next = lastAttempt.plus(wait);
        return next.isAfter(firstAttempt.plus(window)) ? Optional.empty() : Optional.of(next);
    }
}
