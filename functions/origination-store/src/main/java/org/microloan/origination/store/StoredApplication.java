package org.microloan.origination.store;

import java.time.Instant;
import java.util.Map;

import org.microloan.workflow.ApplicationStatus;

/**
 * An application as the store keeps it. {@code facts} is the non-personal part as JSON; {@code
 * personal} the encrypted personal part (name, ID number, phone, bank account); {@code results} each
 * step's recorded outcome as JSON, by step.
 */
public record StoredApplication(
        String applicationId,
        String borrowerId,
        ApplicationStatus status,
        long version,
        Instant createdAt,
        String facts,
        byte[] personal,
        Map<String, String> results) {

    public StoredApplication {
        results = Map.copyOf(results);
    }

    @Override
    public String toString() {
        return "StoredApplication[" + applicationId + " " + status + " v" + version + "]";
    }
}
