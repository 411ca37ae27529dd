package org.microloan.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.IllegalTransitionException;
import org.microloan.workflow.StoreUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** The refusals no request of a test can bring about on cue: races and an unavailable service. */
class ProblemsTest {

    private final Problems problems = new Problems();

    private static Problem problem(Response response) {
        return (Problem) response.getEntity();
    }

    @Test
    void anApplicationThatMovedOnMeanwhile_is409_readItAgain() {
        Response response = problems.illegalTransition(new IllegalTransitionException("app-1", ApplicationStatus.DISBURSED,
                ApplicationStatus.DECLINED));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(problem(response).type()).endsWith("/status-changed");
        assertThat(problem(response).detail()).contains("cannot move from DISBURSED to DECLINED");
    }

    @Test
    void stepFunctionsThrottlingOrFailing_is503WithRetryAfter_notA500() {
        SfnException throttled = (SfnException) SfnException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
        SfnException down = (SfnException) SfnException.builder().statusCode(503).build();

        for (SfnException e : new SfnException[] {throttled, down}) {
            Response response = problems.workflow(e);
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        }
        assertThat(problems.storeUnavailable(new StoreUnavailableException("DynamoDB",
                SdkClientException.create("connection refused"))).getStatus()).isEqualTo(503);
        assertThat(problems.dynamo((DynamoDbException) DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build())
                .getStatus()).isEqualTo(503);
    }

    @Test
    void aBug_is500_namingTheRequestIdToQuote_withoutTheCause() {
        MDC.put("requestId", "req-42");
        try {
            Response response = problems.unexpected(new IllegalStateException("ID 11010519491231002X broke it"));

            assertThat(response.getStatus()).isEqualTo(500);
            assertThat(problem(response).detail()).contains("req-42").doesNotContain("11010519491231002X", "IllegalState");
        } finally {
            MDC.remove("requestId");
        }
    }
}
