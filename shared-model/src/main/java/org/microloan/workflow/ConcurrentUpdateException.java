package org.microloan.workflow;

/**
 * Another writer changed the record first (optimistic locking), or the same step is running elsewhere.
 * Transient: the workflow retries the step, whose name is in every Retry.
 */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String what) {
        super(what);
    }
}
