package org.microloan.localstack.states;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Task state's {@code Resource} reaches: Lambda functions (the optimised {@code lambda:invoke}
 * integration and plain function ARNs) and DynamoDB's item calls. A failure is a {@link StatesError}
 * named as Step Functions names it.
 */
public interface TaskResources {

    /**
     * Runs {@code resource} (without a {@code .waitForTaskToken} suffix) with the state's effective
     * parameters, and returns what the integration returns.
     */
    JsonNode run(String resource, JsonNode parameters);
}
