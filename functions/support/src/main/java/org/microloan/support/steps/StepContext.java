package org.microloan.support.steps;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.support.idempotency.Idempotency;
import org.microloan.support.store.ApplicationStore;
import org.microloan.support.store.DynamoFailures;
import org.microloan.support.store.StoredApplication;
import org.microloan.workflow.ApplicationStatus;
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
    public <T> T once(StepInput input, Step step, Class<T> type, Duration runsAtMost, Supplier<T> work) {
        return DynamoFailures.named(() -> idempotency.once(input.applicationId(), step.key(), input.withoutToken(), type,
                runsAtMost, work));
    }

    public StoredApplication load(StepInput input) {
        if (input == null || input.applicationId() == null || input.applicationId().isBlank()) {
            throw new IllegalArgumentException("the step needs {\"applicationId\": \"...\"}");
        }
        return store.find(input.applicationId()).orElseThrow(() -> new UnknownApplicationException(input.applicationId()));
    }

    public StoredApplication advance(StoredApplication current, ApplicationStatus to, String step, Object result) {
        return store.advance(current, to, step, write(result));
    }

    public StoredApplication record(StoredApplication current, String step, Object result) {
        return store.record(current, step, write(result));
    }

    /** The result a step already recorded on the application, if it ran before. */
    public <T> Optional<T> recorded(StoredApplication application, String step, Class<T> type) {
        return application.results().containsKey(step) ? Optional.of(result(application, step, type))
                : Optional.empty();
    }

    public <T> T result(StoredApplication application, String step, Class<T> type) {
        String recorded = application.results().get(step);
        if (recorded == null) {
            throw new IllegalStateException("application " + application.applicationId() + " has no " + step + " result yet");
        }
        try {
            return json.readValue(recorded, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the " + step + " result of " + application.applicationId() + " does not read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
