package org.microloan.functions.remind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Calls to one provider (the SMS gateway, the payment rail) from a call of the daily run: started no faster
 * than the provider's rate limit, several waiting on it at once, every one ended before the run goes on.
 */
final class ProviderCalls {

    /** What the calls answered, and the first failure among them (after the client's own retries). */
    record Ended<T>(List<T> answers, Optional<RuntimeException> failure) {

        /** Fails the run's call with the first failure, if there was one. */
        void rethrow() {
            failure.ifPresent(e -> {
                throw e;
            });
        }
    }

    private final ExecutorService callers;
    private final long nanosApart;

    ProviderCalls(String provider, int perSecond, int inFlight) {
        if (perSecond < 1 || inFlight < 1) {
            throw new IllegalArgumentException(provider + ": calls a second and calls in flight must be 1 or more, not "
                    + perSecond + " and " + inFlight);
        }
        this.nanosApart = 1_000_000_000L / perSecond;
        this.callers = Executors.newFixedThreadPool(inFlight, r -> {
            Thread t = new Thread(r, provider);
            t.setDaemon(true);
            return t;
        });
    }

    <I, T> Ended<T> each(List<I> items, Function<I, T> call) {
        long start = System.nanoTime();
        List<Future<T>> calls = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            long wait = start + i * nanosApart - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            I item = items.get(i);
            calls.add(callers.submit(() -> call.apply(item)));
        }
        List<T> answers = new ArrayList<>(items.size());
        RuntimeException failure = null;
        for (Future<T> f : calls) {
            try {
                answers.add(f.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting on the provider", e);
            }
        }
        return new Ended<>(answers, Optional.ofNullable(failure));
    }
}
