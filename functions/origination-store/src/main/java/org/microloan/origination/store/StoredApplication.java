package org.microloan.origination.store;

import java.time.Instant;
import java.util.Map;

import org.microloan.workflow.ApplicationStatus;

/**
 * An application as the store keeps it. {@code facts} is the non-personal part as JSON; {@code
 * personal} the encrypted personal part (name, ID number, phone, bank account); {@code results} each
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
        Map<String, String> results,
        String personKey,
        String workflowFailure) {

    public StoredApplication {
        results = Map.copyOf(results);
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
