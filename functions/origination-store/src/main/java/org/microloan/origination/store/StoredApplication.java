package org.microloan.origination.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.microloan.workflow.ApplicationStatus;

/**
 * An application as the store keeps it. {@code facts} is the non-personal part as JSON; {@code
 * personal} the encrypted personal part (name, ID number, phone, bank account); {@code masked} what of it may be
 * shown, masked, as JSON (absent on applications taken before it was kept); {@code results} each
 * step's recorded outcome as JSON, by step; {@code personKey} who the borrower is for the limits per person
 * (a keyed hash of the ID number, {@link org.microloan.identity.PersonKey}), absent on applications taken
 * before there was one; {@code workflowFailure} what the workflow recorded when a step failed after its retries
 * ({@code {"Error", "Cause"}} as JSON), absent otherwise.
 */
public record StoredApplication(
        String applicationId,
        String borrowerId,
        ApplicationStatus status,
        long version,
        Instant createdAt,
        String facts,
        byte[] personal,
        String masked,
        Map<String, String> results,
        String personKey,
        String workflowFailure) {

    public StoredApplication {
        results = Map.copyOf(results);
    }

    /**
     * The application as a write left it that found it at this version, moved it to {@code to} and recorded the
     * step's result: every write to an application moves its version, so nothing else can have changed.
     */
    StoredApplication after(ApplicationStatus to, String step, String resultJson) {
        Map<String, String> recorded = new HashMap<>(results);
        recorded.put(step, resultJson);
        return new StoredApplication(applicationId, borrowerId, to, version + 1, createdAt, facts, personal, masked, recorded,
                personKey, workflowFailure);
    }

    /** Whose exposure the application counts in: the person, or for an application from before, the account. */
    public String exposureKey() {
        return personKey != null ? personKey : "account:" + borrowerId;
    }

    @Override
    public String toString() {
        return "StoredApplication[" + applicationId + " " + status + " v" + version + "]";
    }
}
