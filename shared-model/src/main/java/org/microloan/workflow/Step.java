package org.microloan.workflow;

/**
 * What is recorded on an application as origination goes on, each under its key: the steps' results and
 * the people's answers (ops' review, the borrower's acceptance).
 */
public enum Step {
    APPLY("apply"),
    VERIFY_IDENTITY("verify-identity"),
    SCORE("score"),
    REVIEW("review"),
    QUOTE_RATE("quote-rate"),
    ACCEPTANCE("acceptance"),
    DISBURSE("disburse");

    private final String key;

    Step(String key) {
        this.key = key;
    }

    /** The name the result is recorded under on the application, and the idempotency key's prefix. */
    public String key() {
        return key;
    }
}
