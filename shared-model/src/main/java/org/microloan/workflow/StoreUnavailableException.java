package org.microloan.workflow;

/**
 * A store (DynamoDB) throttled us, answered 5xx or could not be reached, after its client's own
 * retries. Transient: the workflow retries the step, whose name is in every Retry.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String store, Throwable cause) {
        super(store + " unavailable: " + cause.getMessage(), cause);
    }
}
