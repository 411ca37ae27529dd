package org.microloan.support.steps;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the workflow hands every step: the application id, and for the waits, the task token and what is
 * awaited. Never personal data (ops read execution histories).
 */
@RegisterForReflection
public record StepInput(String applicationId, String taskToken, String awaiting) {

    public static StepInput of(String applicationId) {
        return new StepInput(applicationId, null, null);
    }

    /** What idempotency keys on: the token changes with every execution, the step's work does not. */
    public StepInput withoutToken() {
        return new StepInput(applicationId, null, awaiting);
    }
}
