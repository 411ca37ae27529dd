package org.microloan.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.configuration.Settings;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.schedule.BusinessDate;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;
import org.microloan.testing.Walk;
import org.microloan.workflow.ApplicationStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.microloan.api.SignedIn.as;

/** Failed executions chosen by the error their application recorded and by day, and mended in a batch. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
@QuarkusTestResource(PartnerHooks.class)
class ExecutionBatchTest {

    private static final String MACHINE = "arn:aws:states:us-east-1:000000000000:execution:origination:";

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationIntake intake;

    @Inject
    ExposureReservations exposure;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Settings settings;

    /** Failed at Score after its retries, as the workflow's RecordFailure leaves it: the status and the failure. */
    private String failed(String error, String cause) {
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.IDENTITY_VERIFIED,
                Forms.ofSomeoneElse(Forms.emergency()), Map.of());
        store.advance(store.find(id).orElseThrow(), ApplicationStatus.FAILED, "failure", "{}");
        dynamo.updateItem(b -> b.tableName(settings.table())
                .key(Map.of("pk", AttributeValue.fromS("APP#" + id), "sk", AttributeValue.fromS("APPLICATION")))
                .updateExpression("SET workflowFailure = :f")
                .expressionAttributeValues(Map.of(":f", AttributeValue.fromS("{\"Error\":\"" + error + "\",\"Cause\":\""
                        + cause + "\"}"))));
        return id;
    }

    private static int started(String id) {
        return ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo("AWSStepFunctions.StartExecution"))
                .withRequestBody(containing(id + "-replay-"))).size();
    }

    @Test
    void failedExecutions_carryTheirApplicationsFailure_andAreChosenByErrorAndDay() {
        String bureau = failed("org.microloan.workflow.ProviderUnavailableException", "bureau refused 11010519491231002X");
        String kyc = failed("Lambda.Unknown", "{\\\"errorMessage\\\":\\\"kyc timed out\\\",\\\"stackTrace\\\":[\\\"a.B.c(B.java:1)\\\"]}");
        long now = Instant.now().getEpochSecond();
        String page = "{\"executions\": [" + String.join(",", List.of(bureau, kyc).stream().map(id -> "{\"executionArn\": \""
                + MACHINE + id + "\", \"name\": \"" + id + "\", \"status\": \"TIMED_OUT\", \"startDate\": " + now
                + ", \"stateMachineArn\": \"arn:aws:states:us-east-1:000000000000:stateMachine:origination\"}").toList()) + "]}";
        ProviderStubs.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", WireMock.equalTo("AWSStepFunctions.ListExecutions"))
                .withRequestBody(containing("TIMED_OUT")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody(page)));
        String today = BusinessDate.today(java.time.Clock.systemUTC()).toString();

        as("op-1", "operator").when().get("/v1/ops/executions?status=TIMED_OUT").then().statusCode(200)
                .body("executions", hasSize(2))
                .body("executions.find { it.applicationId == '" + bureau + "' }.error",
                        equalTo("org.microloan.workflow.ProviderUnavailableException"))
                .body("executions.find { it.applicationId == '" + bureau + "' }.cause", startsWith("bureau refused ****"))
                .body("executions.find { it.applicationId == '" + bureau + "' }.cause", not(containsString("11010519491231")))
                .body("executions.find { it.applicationId == '" + kyc + "' }.cause", equalTo("kyc timed out"))
                .body("executions.find { it.applicationId == '" + bureau + "' }.state", equalTo("Score"));
        // where they stopped: both had their identity verified, and failed at the score
        as("op-1", "operator").when().get("/v1/ops/executions?status=TIMED_OUT&state=Score").then().statusCode(200)
                .body("executions", hasSize(2));
        as("op-1", "operator").when().get("/v1/ops/executions?status=TIMED_OUT&state=Disburse").then().statusCode(200)
                .body("executions", hasSize(0));
        as("op-1", "operator").when().get("/v1/ops/executions?status=TIMED_OUT&error=Lambda.Unknown&since=" + today
                + "&until=" + today).then().statusCode(200).body("executions.applicationId", contains(kyc));
        as("op-1", "operator").when().get("/v1/ops/executions?status=TIMED_OUT&until="
                + LocalDate.parse(today).minusDays(1)).then().statusCode(200).body("executions", hasSize(0));
        as("op-1", "operator").when().get("/v1/ops/executions?status=TIMED_OUT&since=30/11/2026").then().statusCode(400)
                .body("errors[0].field", equalTo("query:since"));
    }

    @Test
    void aBatchReplay_triesEachOnItsOwn_andSaysWhatBecameOfEach() {
        String one = failed("org.microloan.workflow.ProviderUnavailableException", "bureau down");
        String two = failed("org.microloan.workflow.ProviderUnavailableException", "bureau down");
        String notFailed = new Walk(intake, store, exposure).to(ApplicationStatus.APPLIED, Forms.ofSomeoneElse(Forms.emergency()),
                Map.of());

        as("op-1", "operator").body(Map.of("action", "REPLAY", "from", "Score", "reason", "the bureau is back",
                        "executions", List.of(MACHINE + one, MACHINE + two + "-replay-3", MACHINE + notFailed))).when()
                .post("/v1/ops/executions/batch").then().statusCode(200)
                .body("done", equalTo(2)).body("refused", equalTo(1))
                .body("outcomes.outcome", contains("REPLAYED", "REPLAYED", "REFUSED"))
                .body("outcomes.applicationId", contains(one, two, notFailed))
                .body("outcomes[2].problem", equalTo("not-failed"));
        assertThat(started(one)).isEqualTo(1);
        assertThat(started(two)).isEqualTo(1);
        assertThat(store.find(one).orElseThrow().results()).containsKey("replay");

        // again: each replay is running, so each is refused, and nothing starts twice
        as("op-2", "supervisor").body(Map.of("action", "REPLAY", "from", "Score", "reason", "again",
                        "executions", List.of(MACHINE + one))).when()
                .post("/v1/ops/executions/batch").then().statusCode(200)
                .body("outcomes[0].problem", equalTo("replay-running"));
        assertThat(started(one)).isEqualTo(1);
    }

    @Test
    void aBatchRedrive_goesOnWhereItCan() {
        as("op-1", "operator").body(Map.of("action", "REDRIVE", "reason", "the rail is back",
                        "executions", List.of(SfnStub.ABORTED_ARN, SfnStub.FAILED_ARN))).when()
                .post("/v1/ops/executions/batch").then().statusCode(200)
                .body("outcomes.outcome", contains("REDRIVEN", "REFUSED"))
                .body("outcomes[1].problem", equalTo("not-redrivable"));
    }

    @Test
    void aBatch_isRefusedWhole_whenItIsNotOne() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(MACHINE + UUID.randomUUID());
        }
        as("op-1", "operator").body(Map.of("action", "REPLAY", "from", "Score", "reason", "x", "executions", many)).when()
                .post("/v1/ops/executions/batch").then().statusCode(400).body("errors[0].field", equalTo("/executions"));
        as("op-1", "operator").body(Map.of("action", "RESTART", "reason", "x", "executions", List.of(MACHINE + "a"))).when()
                .post("/v1/ops/executions/batch").then().statusCode(400).body("errors[0].field", equalTo("/action"));
        as("op-1", "operator").body(Map.of("action", "REPLAY", "from", "Payout", "reason", "x", "executions",
                List.of(MACHINE + "a"))).when().post("/v1/ops/executions/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("/from"));
        as("op-1", "operator").body(Map.of("action", "REDRIVE", "executions", List.of(MACHINE + "a"))).when()
                .post("/v1/ops/executions/batch").then().statusCode(400).body("errors[0].field", equalTo("/reason"));
        as("rev-1", "reviewer").body(Map.of("action", "REDRIVE", "reason", "x", "executions", List.of(MACHINE + "a"))).when()
                .post("/v1/ops/executions/batch").then().statusCode(403);
    }

    @Test
    void theDefinition_isTheDeployedAslFile() {
        as("op-1", "operator").when().get("/v1/ops/workflows/origination/definition").then().statusCode(200)
                .body("StartAt", equalTo("Resume")).body("States.ManualReview.Type", equalTo("Task"));
        as("col-1", "collector").when().get("/v1/ops/workflows/origination/definition").then().statusCode(403);
    }
}
