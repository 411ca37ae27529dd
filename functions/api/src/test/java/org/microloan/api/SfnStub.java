package org.microloan.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.microloan.testing.ProviderStubs;

/** The Step Functions JSON API, stubbed; the SDK finds it through its standard endpoint setting. */
public final class SfnStub implements QuarkusTestResourceLifecycleManager {

    static void stub() {
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"executionArn\":\"arn:aws:states:us-east-1:000000000000:execution:origination:"
                                + "{{jsonPath request.body '$.name'}}\",\"startDate\":1.7E9}")));
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.SendTaskSuccess"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}")));
    }

    /** A failed execution with its history; its cause carries an ID number that must not come back whole. */
    static final String FAILED_ARN = "arn:aws:states:us-east-1:000000000000:execution:origination:app-failed";

    private static final String FAILED_HISTORY = """
            {"events": [
              {"id": 1, "type": "ExecutionStarted", "timestamp": 1.7E9,
               "executionStartedEventDetails": {"input": "{\\"applicationId\\":\\"app-failed\\"}"}},
              {"id": 2, "type": "TaskStateEntered", "timestamp": 1.7000001E9,
               "stateEnteredEventDetails": {"name": "Score", "input": "{\\"idNumber\\":\\"11010519491231002X\\"}"}},
              {"id": 3, "type": "LambdaFunctionFailed", "timestamp": 1.7000002E9,
               "lambdaFunctionFailedEventDetails": {"error": "org.microloan.workflow.ProviderUnavailableException",
                 "cause": "bureau refused 11010519491231002X"}},
              {"id": 4, "type": "ExecutionFailed", "timestamp": 1.7000003E9,
               "executionFailedEventDetails": {"error": "States.TaskFailed", "cause": "bureau unavailable"}}
            ]}""";

    /** An execution that was aborted midway: Step Functions can redrive it. */
    static final String ABORTED_ARN = "arn:aws:states:us-east-1:000000000000:execution:origination:app-aborted";

    private static void stubOps() {
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.RedriveExecution"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\": \"ExecutionDoesNotExist\", \"message\": \"no such execution\"}")));
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.RedriveExecution"))
                .withRequestBody(containing(FAILED_ARN)).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\": \"ExecutionNotRedrivable\", \"message\": \"ended in a Fail state\"}")));
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.RedriveExecution"))
                .withRequestBody(containing(ABORTED_ARN)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"redriveDate\": 1.7000004E9}")));
        // every execution a test started is still running
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.DescribeExecution"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"executionArn\": \"{{jsonPath request.body '$.executionArn'}}\", \"status\": \"RUNNING\","
                                + " \"startDate\": 1.7E9, \"stateMachineArn\": \"arn:aws:states:us-east-1:000000000000:stateMachine:origination\"}")));
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.ListExecutions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"executions\": [{\"executionArn\": \"" + FAILED_ARN + "\", \"name\": \"app-failed\","
                                + " \"status\": \"FAILED\", \"startDate\": 1.7E9, \"stopDate\": 1.7000003E9,"
                                + " \"stateMachineArn\": \"arn:aws:states:us-east-1:000000000000:stateMachine:origination\"}]}")));
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.GetExecutionHistory"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\": \"ExecutionDoesNotExist\", \"message\": \"no such execution\"}")));
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions.GetExecutionHistory"))
                .withRequestBody(containing(FAILED_ARN)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody(FAILED_HISTORY)));
    }

    @Override
    public Map<String, String> start() {
        stubOps();
        stub();
        System.setProperty("aws.endpointUrlSfn", "http://localhost:" + ProviderStubs.server().port());
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
