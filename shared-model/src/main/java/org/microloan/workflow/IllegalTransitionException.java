package org.microloan.workflow;

/** A write that would move an application backwards or out of a final status. Permanent: never retried. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String applicationId, ApplicationStatus from, ApplicationStatus to) {
        super("application " + applicationId + " cannot move from " + from + " to " + to);
    }
}
