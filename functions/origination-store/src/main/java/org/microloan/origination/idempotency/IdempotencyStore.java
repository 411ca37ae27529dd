package org.microloan.origination.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Where step runs are recorded (the design of Powertools for AWS Lambda's idempotency, on our table). */
public interface IdempotencyStore {

    Optional<IdempotencyRecord> getRecord(String key);

    /** Claims the key for a run; false when a completed record, or a run not yet expired, holds it. */
    boolean putRecord(IdempotencyRecord inProgress, Instant now);

    void updateRecord(IdempotencyRecord completed);

    void deleteRecord(String key);
}
