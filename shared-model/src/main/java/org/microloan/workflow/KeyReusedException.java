package org.microloan.workflow;

/** A step's idempotency key came back with a different request. Permanent: the caller sent something else. */
public class KeyReusedException extends RuntimeException {

    public KeyReusedException(String key) {
        super("step " + key + " already ran with a different request");
    }
}
