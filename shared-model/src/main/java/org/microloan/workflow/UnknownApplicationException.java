package org.microloan.workflow;

/** A step was asked to work on an application nobody stored. Permanent: never retried, recorded as the failure. */
public class UnknownApplicationException extends RuntimeException {

    public UnknownApplicationException(String applicationId) {
        super("no application " + applicationId);
    }
}
