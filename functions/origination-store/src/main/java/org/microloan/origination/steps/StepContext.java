package org.microloan.origination.steps;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.origination.idempotency.Idempotency;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.DynamoFailures;
import org.microloan.origination.store.StoredApplication;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ConcurrentUpdateException;
import org.microloan.workflow.Step;
import org.microloan.workflow.UnknownApplicationException;

/**
 * What every step does around its own work: run once per application, load the application, record the
 * outcome, as JSON.
 */
@ApplicationScoped
public class StepContext {

    private final ApplicationStore store;
    private final ObjectMapper json;
    private final Idempotency idempotency;

    public StepContext(ApplicationStore store, ObjectMapper json, Idempotency idempotency) {
        this.store = store;
        this.json = json;
        this.idempotency = idempotency;
    }

    /**
     * The step's work, once per application whatever the workflow replays: a repeat returns the recorded
     * result. DynamoDB throttled or unreachable is named {@code StoreUnavailableException}, for a retry.
     *
     * @param runsAtMost the function's remaining time, after which another run may take over
     */
    public <T> T once(StepInput input, Step<?> step, Class<T> type, Duration runsAtMost, Supplier<T> work) {
        return DynamoFailures.named(() -> idempotency.once(input.applicationId(), step.key(), input, type,
                runsAtMost, work));
    }

    public StoredApplication load(StepInput input) {
        if (input == null || input.applicationId() == null || input.applicationId().isBlank()) {
            throw new IllegalArgumentException("the step needs {\"applicationId\": \"...\"}");
        }
        return store.find(input.applicationId()).orElseThrow(() -> new UnknownApplicationException(input.applicationId()));
    }

    public <T> StoredApplication advance(StoredApplication current, ApplicationStatus to, Step<T> step, T value) {
        return store.advance(current, to, step.key(), write(value));
    }

    /**
     * Advances to {@code to}, or, when another writer recorded the same step and status at the same moment,
     * the application as that writer left it: the borrower's answer and the payout step both record the
     * acceptance (the API answers the workflow before it writes), and either may come first.
     */
    public <T> StoredApplication reach(StoredApplication current, ApplicationStatus to, Step<T> step, T value) {
        try {
            return advance(current, to, step, value);
        } catch (ConcurrentUpdateException e) {
            StoredApplication now = store.find(current.applicationId()).orElseThrow(() -> e);
            if (now.status() == to && now.results().containsKey(step.key())) {
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
