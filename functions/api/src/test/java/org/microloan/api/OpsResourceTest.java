package org.microloan.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.integrations.partners.PartnerNotice;
import org.microloan.integrations.partners.PartnerNotices;
import org.microloan.ledger.Books;
import org.microloan.ledger.Disbursement;
import org.microloan.ledger.Loan;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.schedule.BusinessDate;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;
import org.microloan.testing.Walk;
import org.microloan.workflow.ApplicationStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.microloan.api.SignedIn.as;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
@QuarkusTestResource(PartnerHooks.class)
class OpsResourceTest {

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationIntake intake;

    @Inject
    ExposureReservations exposure;

    @Inject
    Books books;

    @Inject
    PartnerNotices notices;

    private String waitingForReview(String borrower) {
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.IDENTITY_VERIFIED, borrower, Forms.emergency(),
                Map.of());
        store.advance(store.find(id).orElseThrow(), ApplicationStatus.IN_REVIEW, "score", "{\"outcome\":\"REVIEW\"}");
        store.record(store.find(id).orElseThrow(), "reviewToken", "{\"taskToken\":\"review-" + id + "\"}");
        return id;
    }

    @Test
    void aDecline_answersTheWorkflowOnce_givesTheReservationBack_andIsNotTakenTwice() {
        String borrower = "b-" + UUID.randomUUID();
        String id = waitingForReview(borrower);
        String person = store.find(id).orElseThrow().exposureKey();
        assertThat(exposure.held(person, id)).isEqualTo(Money.of("3000"));

        as("ops-1", "reviewer").body(Map.of("approve", false, "reason", "income could not be confirmed")).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("reviewer", equalTo("ops-1"));
        as("ops-2", "reviewer").body(Map.of("approve", true, "reason", "second look")).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/not-in-review"));

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.DECLINED);
        assertThat(exposure.held(person, id)).as("its room given back").isEqualTo(Money.ZERO);
        assertThat(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("review-" + id)))).hasSize(1);
    }

    @Test
    void onlyOpsReview_andAReviewSaysWhy() {
        String borrower = "b-" + UUID.randomUUID();
        String id = waitingForReview(borrower);

        as(borrower, "borrower").body(Map.of("approve", true, "reason", "me")).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(403).contentType("application/problem+json");
        as("ops-1", "reviewer").body(Map.of("approve", true)).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(400).body("errors[0].field", equalTo("/reason"));
        as("ops-1", "reviewer").body(Map.of("approve", true, "reason", "stable income, thin file")).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        as("ops-2", "reviewer").body(Map.of("approve", true, "reason", "agree")).when()
                .post("/v1/ops/reviews/" + id).then().statusCode(409)
                .body("type", equalTo("https://microloan.dev/problems/already-reviewed"));
        assertThat(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("review-" + id)).withRequestBody(containing("\\\"approved\\\":true")))).hasSize(1);
    }

    @Test
    void thePortfolio_isForOps_andSaysWhatDateItIsFor() {
        as("ops-1", "supervisor").when().get("/v1/ops/portfolio?date=2026-06-30").then().statusCode(200)
                .body("on", equalTo("2026-06-30")).body("servicing.balance", notNullValue())
                .body("origination.from", equalTo("2026-06-01")).body("origination.to", equalTo("2026-06-30"));
        as("ops-1", "supervisor").when().get("/v1/ops/portfolio?date=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("query:date"));
        as("b-1", "borrower").when().get("/v1/ops/portfolio").then().statusCode(403);
    }

    @Test
    void aSignalOnAConsumerLoan_freezesAndFlags_butNeverCallsIn() {
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(Money.of("12000"), new BigDecimal("0.12"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, Frequency.MONTHLY, LocalDate.parse("2026-01-15"),
                null, RoundingMode.HALF_UP, Money.ZERO));
        String app = UUID.randomUUID().toString();
        Loan loan = books.bookDisbursement(new Disbursement(app, "b-" + app, "EDUCATION", "po-" + app, schedule))
                .await().atMost(Duration.ofSeconds(30));

        as("ops-1", "collector").body(Map.of("signal", "JUDICIAL_RECORD", "on", "2026-03-01", "detail", "court case 2026-017"))
                .when().post("/v1/ops/loans/" + loan.id + "/signals").then().statusCode(201)
                .body("actions", contains("FLAG_FOR_REVIEW", "FREEZE_LINE")).body("on", equalTo("2026-03-01"));
        assertThat(books.loan(loan.id).await().atMost(Duration.ofSeconds(30)).flaggedForReview).isTrue();

        as("ops-1", "collector").body(Map.of("signal", "GOSSIP")).when().post("/v1/ops/loans/" + loan.id + "/signals").then()
                .statusCode(400).body("errors[0].field", equalTo("/signal"));
        as("ops-1", "collector").body(Map.of("signal", "REVENUE_DROP")).when().post("/v1/ops/loans/nope/signals").then()
                .statusCode(404).contentType("application/problem+json");
        as("b-" + app, "borrower").body(Map.of("signal", "REVENUE_DROP")).when()
                .post("/v1/ops/loans/" + loan.id + "/signals").then().statusCode(403);
    }

    @Test
    void failedExecutions_andTheirHistory_withoutPayloadsOrWholeIdNumbers() {
        as("ops-1", "operator").when().get("/v1/ops/executions?status=FAILED").then().statusCode(200)
                .body("executions[0].applicationId", equalTo("app-failed")).body("executions[0].status", equalTo("FAILED"));
        as("ops-1", "operator").when().get("/v1/ops/executions?status=BROKEN").then().statusCode(400)
                .body("errors[0].field", equalTo("query:status"));

        String history = as("ops-1", "operator").when().get("/v1/ops/executions/" + SfnStub.FAILED_ARN).then().statusCode(200)
                .body("state", hasItem("Score")).body("[2].error", equalTo("org.microloan.workflow.ProviderUnavailableException"))
                .body("[2].cause", equalTo("bureau refused *************1002X"))
                .extract().asString();
        assertThat(history).doesNotContain("11010519491231002X").doesNotContain("idNumber");

        as("ops-1", "operator").when().get("/v1/ops/executions/arn:aws:states:us-east-1:000000000000:execution:origination:gone")
                .then().statusCode(404).contentType("application/problem+json");
        as("b-1", "borrower").when().get("/v1/ops/executions").then().statusCode(403);
    }

    @Test
    void redrive_isForWhatStoppedMidway_andAFailureTheWorkflowCaughtIsReplayedInstead() {
        as("ops-1", "operator").when().post("/v1/ops/executions/" + SfnStub.ABORTED_ARN + "/redrive").then().statusCode(202)
                .body("executionArn", equalTo(SfnStub.ABORTED_ARN)).body("redriveDate", notNullValue());
        as("ops-1", "operator").when().post("/v1/ops/executions/" + SfnStub.FAILED_ARN + "/redrive").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://microloan.dev/problems/not-redrivable"))
                .body("detail", containsString("replay"));
        as("ops-1", "operator").when().post("/v1/ops/executions/arn:aws:states:us-east-1:000000000000:execution:origination:gone/redrive")
                .then().statusCode(404).contentType("application/problem+json");
        as("b-1", "borrower").when().post("/v1/ops/executions/" + SfnStub.ABORTED_ARN + "/redrive").then().statusCode(403);
    }

    private String failedAt(String borrower, ApplicationStatus before) {
        String id = new Walk(intake, store, exposure).to(before, borrower, Forms.emergency(), Map.of());
        store.advance(store.find(id).orElseThrow(), ApplicationStatus.FAILED, "failure", "{\"Error\":\"bureau down\"}");
        return id;
    }

    @Test
    void aFailedApplication_isReplayedFromTheStepThatFailed_once_withItsEarlierResultsKept() {
        String id = failedAt("b-" + UUID.randomUUID(), ApplicationStatus.IDENTITY_VERIFIED);
        long version = store.find(id).orElseThrow().version();

        as("ops-1", "operator").body(Map.of("reason", "bureau back up")).when().post("/v1/ops/applications/" + id + "/replay?from=Score")
                .then().statusCode(202).body("from", equalTo("Score")).body("by", equalTo("ops-1"))
                .body("executionArn", endsWith(":" + id + "-replay-" + version));
        var started = ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo("AWSStepFunctions.StartExecution"))
                .withRequestBody(containing(id + "-replay-")));
        assertThat(started).hasSize(1);
        assertThat(started.get(0).getBodyAsString()).contains("\\\"resumeFrom\\\":\\\"Score\\\"")
                .doesNotContain("idNumber").doesNotContain("mobile");
        var replayed = store.find(id).orElseThrow();
        assertThat(replayed.status()).isEqualTo(ApplicationStatus.FAILED);
        assertThat(replayed.results()).containsKeys("apply", "verify-identity", "replay");

        as("ops-2", "operator").body(Map.of("reason", "again")).when().post("/v1/ops/applications/" + id + "/replay?from=Score")
                .then().statusCode(409).body("type", equalTo("https://microloan.dev/problems/replay-running"));
        assertThat(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo("AWSStepFunctions.StartExecution"))
                .withRequestBody(containing(id + "-replay-")))).hasSize(1);
    }

    @Test
    void opsStartTheServicingRunForAPastDate_notForOneToCome() {
        String today = org.microloan.schedule.BusinessDate.today(java.time.Clock.systemUTC()).toString();
        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();

        as("ops-1", "operator").body(Map.of("businessDate", "2026-11-30", "reason", "the schedule was off")).when()
                .post("/v1/ops/servicing-runs").then().statusCode(202).body("businessDate", equalTo("2026-11-30"))
                .body("by", equalTo("ops-1"));
        var started = ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo("AWSStepFunctions.StartExecution"))
                .withRequestBody(containing("stateMachine:servicing")));
        assertThat(started).hasSize(1);
        assertThat(started.get(0).getBodyAsString()).contains("\\\"businessDate\\\":\\\"2026-11-30\\\"");

        as("ops-1", "operator").body(Map.of("businessDate", tomorrow, "reason", "early")).when().post("/v1/ops/servicing-runs")
                .then().statusCode(422).body("type", equalTo("https://microloan.dev/problems/future-business-date"))
                .body("errors[0].field", equalTo("/businessDate"));
        as("ops-1", "operator").body(Map.of("businessDate", "2026-11-30")).when().post("/v1/ops/servicing-runs")
                .then().statusCode(400).body("errors[0].field", equalTo("/reason"));
        as("ops-1", "operator").body(Map.of("businessDate", "30/11/2026", "reason", "x")).when().post("/v1/ops/servicing-runs")
                .then().statusCode(400).body("errors[0].field", equalTo("/businessDate"));
        as("b-1", "borrower").body(Map.of("businessDate", "2026-11-30", "reason", "x")).when()
                .post("/v1/ops/servicing-runs").then().statusCode(403);
    }

    @Test
    void aReplay_takesTheApplicationsRoomAgain_andIsRefusedWhenThePersonHasNoneLeft() {
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.IDENTITY_VERIFIED, "b-" + UUID.randomUUID(),
                Forms.ofSomeoneElse(Forms.emergency()), Map.of());
        var failed = store.advance(store.find(id).orElseThrow(), ApplicationStatus.FAILED, "failure", "{\"Error\":\"bureau down\"}");
        String person = failed.exposureKey();
        // its room was given back when it failed, and another application of the person took nearly all of it
        exposure.release(person, id);
        exposure.reserve(person, "other-" + id, Money.of("198000"), Money.of("200000"));

        as("ops-1", "operator").body(Map.of("reason", "bureau back up")).when().post("/v1/ops/applications/" + id + "/replay?from=Score")
                .then().statusCode(409).body("type", equalTo("https://microloan.dev/problems/exposure-limit"))
                .body("detail", containsString("no room for 3000.00 within the limit of 200000.00"));
        assertThat(exposure.held(person, id).isPositive()).isFalse();

        exposure.release(person, "other-" + id);
        as("ops-1", "operator").body(Map.of("reason", "bureau back up")).when().post("/v1/ops/applications/" + id + "/replay?from=Score")
                .then().statusCode(202);
        assertThat(exposure.held(person, id)).isEqualTo(Money.of("3000.00"));
    }

    @Test
    void aReplay_startsOnlyWhereTheStepsBeforeItHaveResults_andOnlyForAFailedApplication() {
        String id = failedAt("b-" + UUID.randomUUID(), ApplicationStatus.IDENTITY_VERIFIED);
        as("ops-1", "operator").body(Map.of("reason", "try")).when().post("/v1/ops/applications/" + id + "/replay?from=Disburse")
                .then().statusCode(409).body("type", equalTo("https://microloan.dev/problems/replay-too-late"))
                .body("detail", containsString("score"));
        as("ops-1", "operator").body(Map.of("reason", "try")).when().post("/v1/ops/applications/" + id + "/replay?from=Payout")
                .then().statusCode(400).body("errors[0].field", equalTo("query:from"))
                .body("errors[0].detail", containsString("Score"));
        as("ops-1", "operator").body(Map.of()).when().post("/v1/ops/applications/" + id + "/replay?from=Score")
                .then().statusCode(400).body("errors[0].field", equalTo("/reason"));
        as("ops-1", "operator").body(Map.of("reason", "try")).when().post("/v1/ops/applications/nope/replay?from=Score")
                .then().statusCode(404).contentType("application/problem+json");
        as("b-1", "borrower").body(Map.of("reason", "me")).when().post("/v1/ops/applications/" + id + "/replay?from=Score")
                .then().statusCode(403);

        String quoted = new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, "b-" + UUID.randomUUID(),
                Forms.emergency(), Map.of());
        as("ops-1", "operator").body(Map.of("reason", "pay it again")).when().post("/v1/ops/applications/" + quoted
                + "/replay?from=Disburse").then().statusCode(409).body("type", equalTo("https://microloan.dev/problems/not-failed"));
        assertThat(store.find(quoted).orElseThrow().results()).doesNotContainKey("replay");
        assertThat(store.find(id).orElseThrow().results()).doesNotContainKey("replay");
    }

    @Test
    void aNoticeThePartnerNeverTook_isResentByOps_andItsAttemptsAreCounted() {
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.APPLIED, "partner:acme:shop-3", Forms.emergency(),
                Map.of());
        Instant then = Instant.parse("2026-11-20T08:00:00Z");
        notices.record(new PartnerNotice(id, "APPLIED", "acme", "msg_" + id + "_APPLIED",
                "{\"type\":\"application.status_changed\",\"data\":{\"applicationId\":\"" + id + "\"}}", then, 19,
                "503", then.plus(Duration.ofHours(23)), then, null, PartnerNotice.State.GAVE_UP));
        ProviderStubs.server().stubFor(WireMock.post(urlEqualTo("/hooks/acme")).willReturn(WireMock.aResponse().withStatus(200)));

        as("ops-1", "operator").when().get("/v1/ops/applications/" + id + "/notices").then().statusCode(200)
                .body("[0].state", equalTo("GAVE_UP")).body("[0].attempts", equalTo(19)).body("[0].lastResult", equalTo("503"))
                .body("[0].payload", nullValue());
        as("ops-1", "operator").when().post("/v1/ops/applications/" + id + "/notices/APPLIED/resend").then().statusCode(200)
                .body("state", equalTo("DELIVERED")).body("attempts", equalTo(20)).body("lastResult", equalTo("200"));
        var sent = ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/hooks/acme")).withRequestBody(containing(id)));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("webhook-id")).isEqualTo("msg_" + id + "_APPLIED");

        as("ops-1", "operator").when().post("/v1/ops/applications/" + id + "/notices/QUOTED/resend").then().statusCode(404)
                .contentType("application/problem+json");
        as("ops-1", "operator").when().get("/v1/ops/applications/nope/notices").then().statusCode(404);
        as("b-1", "borrower").when().post("/v1/ops/applications/" + id + "/notices/APPLIED/resend").then().statusCode(403);
    }

    private String madeAt(Instant at, String amount, String product) {
        String id = UUID.randomUUID().toString();
        intake.submit(id, "b-" + id, Forms.datedOn(Forms.withProduct(Forms.withAmount(Forms.emergency(), amount, 12,
                "BUSINESS".equals(product) ? "INTEREST_ONLY" : "EQUAL_INSTALLMENT"),
                product), BusinessDate.of(at)), at);
        return id;
    }

    private void scored(String id, String outcome, Instant at, String... reasons) {
        var stored = store.find(id).orElseThrow();
        store.advance(stored, ApplicationStatus.APPLIED, "apply", "{\"status\":\"APPLIED\"}");
        store.advance(store.find(id).orElseThrow(), ApplicationStatus.IDENTITY_VERIFIED, "verify-identity",
                "{\"status\":\"IDENTITY_VERIFIED\"}");
        ApplicationStatus next = switch (outcome) {
            case "APPROVE" -> ApplicationStatus.SCORED;
            case "REVIEW" -> ApplicationStatus.IN_REVIEW;
            default -> ApplicationStatus.DECLINED;
        };
        store.advance(store.find(id).orElseThrow(), next, "score", "{\"outcome\":\"" + outcome + "\",\"reasons\":[" +
                String.join(",", java.util.Arrays.stream(reasons).map(r -> "\"" + r + "\"").toList())
                + "],\"decidedAt\":\"" + at + "\"}");
    }

    @Test
    void thePortfolio_saysHowFastAndHowOftenApplicationsAreApproved_andWhyOthersAreDeclined() {
        // 2025-03-10 in China: applications on a day no other test uses
        Instant morning = Instant.parse("2025-03-10T01:00:00Z");
        scored(madeAt(morning, "3000", "EMERGENCY"), "APPROVE", morning.plusSeconds(4));
        scored(madeAt(morning, "4000", "EMERGENCY"), "APPROVE", morning.plusSeconds(6));
        scored(madeAt(morning, "5000", "EMERGENCY"), "DECLINE", morning.plusSeconds(3), "DEBT_RATIO", "MONTHLY_INCOME");
        String large = madeAt(morning, "150000", "BUSINESS");
        scored(large, "REVIEW", morning.plusSeconds(5));
        store.record(store.find(large).orElseThrow(), "review", "{\"approved\":true,\"at\":\""
                + morning.plus(Duration.ofHours(2)) + "\"}");
        scored(madeAt(morning, "200000", "BUSINESS"), "APPROVE", morning.plusSeconds(9));
        madeAt(morning, "3000", "EMERGENCY");                       // not decided yet
        madeAt(Instant.parse("2025-03-10T16:30:00Z"), "3000", "EMERGENCY");   // 00:30 on the 11th in China

        as("ops-1", "supervisor").when().get("/v1/ops/portfolio?date=2025-03-10").then().statusCode(200)
                .body("origination.applications", equalTo(6)).body("origination.decided", equalTo(5))
                .body("origination.approvalSecondsP50", equalTo(6)).body("origination.approvalSecondsP95", equalTo(7200))
                .body("origination.autoApprovalRate", equalTo(0.6f))
                .body("origination.reviewAbove", equalTo("100000.00"))
                .body("origination.largeDecided", equalTo(2)).body("origination.manualReviewShareOfLarge", equalTo(0.5f))
                .body("origination.declineReasons.code", contains("DEBT_RATIO", "MONTHLY_INCOME"));
    }
}
