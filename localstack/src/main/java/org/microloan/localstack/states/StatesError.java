package org.microloan.localstack.states;

/**
 * An error as the States Language names it ({@code States.Timeout}, a Lambda's error type...), with its
 * cause: what Retry and Catch match on, and what the history records.
 */
public class StatesError extends RuntimeException {

    private final String error;
    private final String cause;

    public StatesError(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public static StatesError runtime(String cause) {
        return new StatesError("States.Runtime", cause);
    }
}
