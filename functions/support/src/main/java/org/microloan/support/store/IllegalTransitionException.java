package org.microloan.support.store;

import org.microloan.workflow.ApplicationStatus;

/** A write that would move an application backwards or out of a final status. Not transient. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String applicationId, ApplicationStatus from, ApplicationStatus to) {
        super("application " + applicationId + " cannot move from " + from + " to " + to);
    }
}
