package org.microloan.origination;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The error document Quarkus' Lambda runtime posts when a step throws ({@code errorType}: the class name the
 * workflow's Retry and Catch match on), serialised by reflection: registered so a native function's failure
 * reaches Step Functions by its name instead of showing as a time-out.
 */
@RegisterForReflection(classNames = "io.quarkus.amazon.lambda.runtime.FunctionError")
final class LambdaErrorDocument {

    private LambdaErrorDocument() {
    }
}
