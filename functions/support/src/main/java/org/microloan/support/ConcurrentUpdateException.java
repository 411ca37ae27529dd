package org.microloan.support;

/** Another writer changed the record first (optimistic locking). Transient: the step is retried. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String what) {
        super(what);
    }
}
