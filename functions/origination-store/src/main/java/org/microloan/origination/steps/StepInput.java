package org.microloan.origination.steps;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the workflow hands every step: the application id. Never personal data (ops read execution histories). */
@RegisterForReflection
public record StepInput(String applicationId) {
}
