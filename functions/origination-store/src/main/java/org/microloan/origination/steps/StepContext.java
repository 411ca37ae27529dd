package org.microloan.origination.steps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.DynamoFailures;
import org.microloan.origination.store.StoredApplication;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ConcurrentUpdateException;
import org.microloan.workflow.Step;
import org.microloan.workflow.UnknownApplicationException;

/**
 * What every step does around its own work: claim the application for the step (one run at a time), hand it
 * to the work, record the outcome, as JSON. The claim and the record are attributes of the application itself,
 * so a claimed step's first run makes two writes: the claim, which reads the application, and the record, which
 * ends the claim. A step with no effect outside the table needs no claim ({@link #onRead}).
 */
@ApplicationScoped
public class StepContext {

    private final ApplicationStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public StepContext(ApplicationStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The step's work on the application, one run at a time: while a run holds the step, another is refused
     * ({@code ConcurrentUpdateException}, which the workflow retries), and a run that fails lets go. The work
     * finds what an earlier run recorded on the application and returns it instead of acting again. DynamoDB
     * throttled or unreachable is named {@code StoreUnavailableException}, for a retry.
     *
     * @param runsAtMost the function's remaining time, after which Lambda has ended the run, so another may claim
     */
    public <T> T once(StepInput input, Step<?> step, Duration runsAtMost, Function<StoredApplication, T> work) {
        String id = applicationId(input);
        return DynamoFailures.named(() -> {
            Instant now = clock.instant();
            Instant until = now.plus(runsAtMost);
            StoredApplication claimed = store.claim(id, step.key(), now, until)
                    .orElseThrow(() -> new UnknownApplicationException(id));
            try {
                return work.apply(claimed);
            } catch (RuntimeException e) {
                try {
                    store.release(id, step.key(), until);
                } catch (RuntimeException notReleased) {
                    e.addSuppressed(notReleased);
                }
                throw e;
            }
        });
    }

    /**
     * The step's work on the application as it reads now, without a claim: for a step whose only effects are its
     * conditional writes to the table (apply's reservation, quote-rate's hold, each step's record), so that of two
     * runs at once one records and the other is refused ({@code ConcurrentUpdateException}, which the workflow
     * retries, and the retry finds the record). A step that calls a provider or pays out uses {@link #once}.
     * One write an application fewer than a claim, and no stream record for it.
     */
    public <T> T onRead(StepInput input, Function<StoredApplication, T> work) {
        String id = applicationId(input);
        return DynamoFailures.named(() -> work.apply(store.find(id).orElseThrow(() -> new UnknownApplicationException(id))));
    }

    private static String applicationId(StepInput input) {
        if (input == null || input.applicationId() == null || input.applicationId().isBlank()) {
            throw new IllegalArgumentException("the step needs {\"applicationId\": \"...\"}");
        }
        return input.applicationId();
    }

    public <T> StoredApplication advance(StoredApplication current, ApplicationStatus to, Step<T> step, T value) {
        return store.advance(current, to, step.key(), write(value));
    }

    /**
     * Advances to {@code to}, or, when another writer recorded the same step at the same moment, the application
     * as that writer left it: the borrower's answer and the payout step both record the acceptance (the API
     * answers the workflow before it writes), and either may come first; the payout may even have paid out
     * before the API writes, so the status may have gone on from {@code to}.
     */
    public <T> StoredApplication reach(StoredApplication current, ApplicationStatus to, Step<T> step, T value) {
        try {
            return advance(current, to, step, value);
        } catch (ConcurrentUpdateException e) {
            StoredApplication now = store.find(current.applicationId()).orElseThrow(() -> e);
            if (now.results().containsKey(step.key())) {
                return now;
            }
            throw e;
        }
    }

    public <T> StoredApplication record(StoredApplication current, Step<T> step, T value) {
        return store.record(current, step.key(), write(value));
    }

    /** What was recorded under the step on the application, if anything was. */
    public <T> Optional<T> recorded(StoredApplication application, Step<T> step) {
        String recorded = application.results().get(step.key());
        if (recorded == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(recorded, step.type()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the " + step + " result of " + application.applicationId() + " does not read", e);
        }
    }

    /** What a step before this one recorded: the workflow only comes here once it has. */
    public <T> T result(StoredApplication application, Step<T> step) {
        return recorded(application, step).orElseThrow(() -> new IllegalStateException("application "
                + application.applicationId() + " has no " + step + " result yet"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
