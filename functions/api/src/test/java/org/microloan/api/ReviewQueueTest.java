package org.microloan.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.configuration.Settings;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;
import org.microloan.testing.Walk;
import org.microloan.workflow.ApplicationStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.microloan.api.SignedIn.as;

/** The review queue and its decisions, with two people above the line (maker-checker). */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
@QuarkusTestResource(PartnerHooks.class)
class ReviewQueueTest {

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

    private static final ApplicationForm LARGE = Forms.withAmount(Forms.withProduct(Forms.emergency(), "RENOVATION"),
            "150000.00", 36, "EQUAL_INSTALLMENT");

    /** Scored REVIEW, then the workflow's ManualReview write: the status, the token, and the queue it waits in. */
    private String referred(ApplicationForm form, Instant since) {
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.SCORED, form, Map.of("score",
                "{\"applicationId\":\"x\",\"outcome\":\"REVIEW\",\"status\":\"SCORED\",\"score\":598,\"pd\":0.061,"
                        + "\"grade\":\"C\",\"reasons\":[\"GREY_BAND\"],\"modelVersion\":\"cs-1\",\"bureauReportId\":\"cr-1\","
                        + "\"decidedAt\":\"2026-11-30T02:00:00Z\"}"));
        dynamo.updateItem(b -> b.tableName(settings.table())
                .key(Map.of("pk", AttributeValue.fromS("APP#" + id), "sk", AttributeValue.fromS("APPLICATION")))
                .updateExpression("SET #status = :status, #version = #version + :one, #results.#token = :token, "
                        + "#queue = :queue, #queuedAt = :queuedAt")
                .expressionAttributeNames(Map.of("#status", "status", "#version", "version", "#results", "results",
                        "#token", "reviewToken", "#queue", "queue", "#queuedAt", "queuedAt"))
                .expressionAttributeValues(Map.of(":status", AttributeValue.fromS("IN_REVIEW"), ":one", AttributeValue.fromN("1"),
                        ":token", AttributeValue.fromS("{\"taskToken\":\"review-" + id + "\"}"),
                        ":queue", AttributeValue.fromS("REVIEW"), ":queuedAt", AttributeValue.fromS(since.toString()))));
        return id;
    }

    private static int answers(String id) {
        return ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("review-" + id))).size();
    }

    @Test
    void theQueue_showsTheLongestWaitingFirst_withTheTimeLeft_theScore_andNoRawPersonalData() {
        Instant now = Instant.now();
        String late = referred(Forms.ofSomeoneElse(Forms.emergency()), now.minusSeconds(2 * 3600));
        String fresh = referred(Forms.ofSomeoneElse(Forms.emergency()), now.minusSeconds(600));

        String body = as("rev-1", "reviewer").when().get("/v1/ops/reviews").then().statusCode(200)
                .body("find { it.applicationId == '" + late + "' }.overdue", equalTo(true))
                .body("find { it.applicationId == '" + fresh + "' }.overdue", equalTo(false))
                .body("find { it.applicationId == '" + fresh + "' }.score.grade", equalTo("C"))
                .body("find { it.applicationId == '" + fresh + "' }.reasons[0].code", equalTo("GREY_BAND"))
                .body("find { it.applicationId == '" + fresh + "' }.needsSecondPerson", equalTo(false))
                .body("find { it.applicationId == '" + fresh + "' }.amount", equalTo("3000.00"))
                .extract().asString();
        assertThat(body.indexOf(late)).as("the longest waiting first").isLessThan(body.indexOf(fresh));
        long left = as("rev-1", "reviewer").when().get("/v1/ops/reviews").then().extract()
                .jsonPath().getLong("find { it.applicationId == '" + fresh + "' }.secondsLeft");
        assertThat(left).as("an hour's target, ten minutes gone").isBetween(2900L, 3000L);
        ApplicationForm.Personal p = intake.open(store.find(fresh).orElseThrow()).personal();
        assertThat(body).doesNotContain(p.idNumber()).doesNotContain(p.mobile()).doesNotContain(p.bankAccount());

        // decided, it leaves the queue
        as("rev-1", "reviewer").body(Map.of("approve", false, "reason", "income not shown")).when()
                .post("/v1/ops/reviews/" + late).then().statusCode(200).body("status", equalTo("DECLINED"));
        as("rev-1", "reviewer").when().get("/v1/ops/reviews").then().statusCode(200)
                .body("applicationId", not(hasItem(late))).body("applicationId", hasItem(fresh));
    }

    @Test
    void onlyReviewersAndSupervisors_seeAndDecideTheQueue() {
        String id = referred(Forms.ofSomeoneElse(Forms.emergency()), Instant.now());
        for (String role : new String[] {"collector", "operator", "borrower"}) {
            as("x-1", role).when().get("/v1/ops/reviews").then().statusCode(403).contentType("application/problem+json");
            as("x-1", role).body(Map.of("approve", true, "reason", "fine")).when().post("/v1/ops/reviews/" + id)
                    .then().statusCode(403);
        }
        as("sup-1", "supervisor").when().get("/v1/ops/reviews").then().statusCode(200).body("applicationId", hasItem(id));
        assertThat(answers(id)).isZero();
    }

    @Test
    void aboveTheLine_twoPeopleDecide_andNobodyConfirmsTheirOwn() {
        String id = referred(Forms.ofSomeoneElse(LARGE), Instant.now());

        as("rev-1", "reviewer").body(Map.of("approve", true, "reason", "stable income, contract seen")).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(202).body("status", equalTo("AWAITING_CONFIRMATION"));
        assertThat(answers(id)).as("the workflow waits for the second person").isZero();
        as("rev-1", "reviewer").when().get("/v1/ops/reviews").then()
                .body("find { it.applicationId == '" + id + "' }.needsSecondPerson", equalTo(true))
                .body("find { it.applicationId == '" + id + "' }.proposal.maker", equalTo("rev-1"));

        as("rev-1", "reviewer").body(Map.of("agree", true, "reason", "me again")).when()
                .post("/v1/ops/reviews/" + id + "/confirmation").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://microloan.dev/problems/own-decision"));
        as("rev-2", "reviewer").body(Map.of("approve", false, "reason", "I would decline")).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(409)
                .body("type", equalTo("https://microloan.dev/problems/awaiting-confirmation"));

        // sent back: the application waits for a new decision
        as("rev-2", "reviewer").body(Map.of("agree", false, "reason", "ask for the tax record first")).when()
                .post("/v1/ops/reviews/" + id + "/confirmation").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        as("rev-2", "reviewer").body(Map.of("agree", true, "reason", "changed my mind")).when()
                .post("/v1/ops/reviews/" + id + "/confirmation").then().statusCode(409)
                .body("type", equalTo("https://microloan.dev/problems/nothing-to-confirm"));

        as("rev-2", "reviewer").body(Map.of("approve", true, "reason", "tax record matches")).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(202);
        as("sup-1", "supervisor").body(Map.of("agree", true, "reason", "agree")).when()
                .post("/v1/ops/reviews/" + id + "/confirmation").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("reviewer", equalTo("rev-2")).body("confirmedBy", equalTo("sup-1"));
        assertThat(answers(id)).as("answered once, when confirmed").isEqualTo(1);
        as("rev-1", "reviewer").when().get("/v1/ops/reviews").then().statusCode(200)
                .body("applicationId", not(hasItem(id)));
        as("rev-1", "reviewer").body(Map.of("approve", true, "reason", "again")).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(409)
                .body("type", equalTo("https://microloan.dev/problems/already-reviewed"));
    }

    @Test
    void aDecisionOnWhatHasChangedSince_isStale() {
        String id = referred(Forms.ofSomeoneElse(LARGE), Instant.now());
        long seen = store.find(id).orElseThrow().version();
        as("rev-1", "reviewer").header("If-Match", "\"" + seen + "\"").body(Map.of("approve", true, "reason", "fine")).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(202);
        // rev-2 decides on what the queue showed before rev-1's decision
        as("rev-2", "reviewer").header("If-Match", "\"" + seen + "\"").body(Map.of("agree", true, "reason", "fine")).when()
                .post("/v1/ops/reviews/" + id + "/confirmation").then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("https://microloan.dev/problems/stale-decision"));
        assertThat(answers(id)).isZero();
        as("rev-2", "reviewer").header("If-Match", "\"" + (seen + 1) + "\"").body(Map.of("agree", true, "reason", "fine"))
                .when().post("/v1/ops/reviews/" + id + "/confirmation").then().statusCode(200);
        assertThat(answers(id)).isEqualTo(1);
    }

    @Test
    void theConsole_isServedWithThePlatform_andSaysWhereItsSignInIsMissing() {
        given().when().get("/console/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("console.js"));
        given().when().get("/console/console.js").then().statusCode(200).body(containsString("/v1/ops/reviews"));
        // the tests name no provider: the console is told so, not handed a 500
        given().when().get("/v1/console/sign-in").then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/not-configured"));
    }

    @Test
    void everyDecision_refusalsToo_isInTheAudit_withWhoWhyAndHowItEnded_forSupervisorsToRead() {
        String id = referred(Forms.ofSomeoneElse(LARGE), Instant.now());
        as("rev-7", "reviewer").header("X-Request-Id", "req-audit-1").body(Map.of("approve", true, "reason", "tax record seen"))
                .when().post("/v1/ops/reviews/" + id).then().statusCode(202);
        as("rev-7", "reviewer").header("X-Request-Id", "req-audit-2").body(Map.of("agree", true, "reason", "my own"))
                .when().post("/v1/ops/reviews/" + id + "/confirmation").then().statusCode(403);
        as("rev-7", "reviewer").when().get("/v1/ops/reviews").then().statusCode(200);

        String today = org.microloan.schedule.BusinessDate.today(java.time.Clock.systemUTC()).toString();
        as("sup-1", "supervisor").when().get("/v1/ops/audit?date=" + today + "&who=rev-7").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].requestId", equalTo("req-audit-2")).body("[0].status", equalTo(403))
                .body("[0].action", equalTo("POST /v1/ops/reviews/" + id + "/confirmation"))
                .body("[1].requestId", equalTo("req-audit-1")).body("[1].status", equalTo(202))
                .body("[1].reason", equalTo("tax record seen")).body("[1].roles", hasItem("reviewer"));
        as("rev-7", "reviewer").when().get("/v1/ops/audit").then().statusCode(403);
        as("op-1", "operator").when().get("/v1/ops/audit").then().statusCode(403);
        as("sup-1", "supervisor").when().get("/v1/ops/audit?date=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("query:date"));
    }
}
