package org.microloan.workflow;

/** The token of a wait (ops' review, the borrower's acceptance): the answer is sent with it. */
public record TaskToken(String taskToken) {
}
