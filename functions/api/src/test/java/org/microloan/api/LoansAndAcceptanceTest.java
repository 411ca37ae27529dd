package org.microloan.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestListener;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.ledger.Books;
import org.microloan.ledger.Loan;
import org.microloan.origination.idempotency.DynamoIdempotencyStore;
import org.microloan.origination.idempotency.IdempotencyRecord;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;
import org.microloan.testing.Walk;
import org.microloan.workflow.ApplicationStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
class LoansAndAcceptanceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Books books;

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationIntake intake;

    @Inject
    ExposureReservations exposure;

    private static RequestSpecification as(String borrower) {
        return given().header("Authorization", "Bearer " + Jwt.subject(borrower).groups("borrower").sign())
                .contentType("application/json");
    }

    /** An offer of 3,000 at an APR of 10.95%, open for another hour, as quote-rate records it. */
    private static String offer(String offerId) {
        return "{\"offerId\":\"" + offerId + "\",\"apr\":\"10.95\",\"amount\":\"3000.00\",\"expiresAt\":\""
                + Instant.now().plusSeconds(3600) + "\"}";
    }

    /** 12,000 at 12% over 12 months from 2026-01-15, noted under the borrower. */
    private Loan loanOf(String borrower) {
        return new TwelveThousand(books, store, intake).book(borrower, null, LocalDate.parse("2026-01-15"), null);
    }

    @Test
    void aBorrowerSeesTheirLoans_scheduleAndPayoff_andNobodyElsesAre() {
        String borrower = "b-" + UUID.randomUUID();
        Loan loan = loanOf(borrower);

        as(borrower).when().get("/v1/loans").then().statusCode(200).body("$", hasSize(1)).body("[0].loanId", equalTo(loan.id));
        as(borrower).when().get("/v1/loans/" + loan.id + "/schedule").then().statusCode(200).body("$", hasSize(12))
                .body("[0].principal", equalTo("946.19"));
        // 10 of the period's 31 days: 12000 × 1% × 10/31 = 38.71 accrued
        as(borrower).when().get("/v1/loans/" + loan.id + "/payoff?on=2026-01-25").then().statusCode(200)
                .body("payoff", equalTo("12038.71"));
        as("someone-else").when().get("/v1/loans/" + loan.id).then().statusCode(404).contentType("application/problem+json");
        as(borrower).when().get("/v1/loans/" + loan.id + "/payoff?on=soon").then().statusCode(400)
                .body("errors[0].field", equalTo("query:on"));
    }

    @Test
    void acceptingTheOffer_answersTheWaitingTask_once() {
        String borrower = "b-" + UUID.randomUUID();
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, borrower, Forms.emergency(), Map.of(
                "quote-rate", offer("o-1")));
        store.record(store.find(id).orElseThrow(), "acceptanceToken", "{\"taskToken\":\"token-" + id + "\"}");

        as(borrower).header("Idempotency-Key", "a-1").body(Map.of("accept", true)).when()
                .post("/v1/applications/" + id + "/acceptance").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as(borrower).header("Idempotency-Key", "a-1").body(Map.of("accept", true)).when()
                .post("/v1/applications/" + id + "/acceptance").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as(borrower).header("Idempotency-Key", "a-2").body(Map.of("accept", false)).when()
                .post("/v1/applications/" + id + "/acceptance").then().statusCode(409)
                .body("type", equalTo("https://microloan.dev/problems/not-awaiting-acceptance"));

        assertThat(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("token-" + id)))).hasSize(1);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.ACCEPTED);
    }

    @Test
    void thePayoutStepRecordingTheAcceptanceFirst_stillAnswersTheBorrower200() {
        String borrower = "b-" + UUID.randomUUID();
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, borrower, Forms.emergency(), Map.of(
                "quote-rate", offer("o-1")));
        // the workflow, answered (with the token Walk recorded), starts the payout, which records the acceptance
        // before this request does
        RequestListener payoutFirst = (request, response) -> {
            if (request.getBodyAsString().contains("token-" + id)) {
                store.advance(store.find(id).orElseThrow(), ApplicationStatus.ACCEPTED, "acceptance",
                        "{\"accepted\":true,\"at\":\"" + Instant.now() + "\",\"via\":\"workflow\"}");
            }
        };
        ProviderStubs.server().addMockServiceRequestListener(payoutFirst);

        as(borrower).header("Idempotency-Key", "raced").body(Map.of("accept", true)).when()
                .post("/v1/applications/" + id + "/acceptance").then().statusCode(200).body("status", equalTo("ACCEPTED"));

        assertThat(store.find(id).orElseThrow().results().get("acceptance")).contains("\"via\":\"workflow\"");
    }

    @Test
    void anOfferTheWorkflowIsNotYetWaitingOn_isNotQuoted_andAnsweringItIs409_untilTheWaitsOneWrite() {
        String borrower = "b-" + UUID.randomUUID();
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.SCORED, borrower, Forms.emergency(), Map.of());
        store.record(store.find(id).orElseThrow(), "quote-rate", offer("o-2"));

        as(borrower).header("Idempotency-Key", "early").body(Map.of("accept", true)).when()
                .post("/v1/applications/" + id + "/acceptance").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/not-awaiting-acceptance"));
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.SCORED);

        // the workflow's wait: QUOTED and its token in one write
        store.advance(store.find(id).orElseThrow(), ApplicationStatus.QUOTED, "acceptanceToken",
                "{\"taskToken\":\"token-" + id + "\"}");
        as(borrower).header("Idempotency-Key", "again").body(Map.of("accept", true)).when()
                .post("/v1/applications/" + id + "/acceptance").then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void answeringAnOfferTheWorkflowNoLongerWaitsOn_is409_andTheOfferStaysAsItWas() {
        String borrower = "b-" + UUID.randomUUID();
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, borrower, Forms.emergency(), Map.of(
                "quote-rate", offer("o-3")));
        store.record(store.find(id).orElseThrow(), "acceptanceToken", "{\"taskToken\":\"spent-" + id + "\"}");
        ProviderStubs.server().stubFor(WireMock.post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", WireMock.equalTo("AWSStepFunctions.SendTaskSuccess"))
                .withRequestBody(containing("spent-" + id)).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\": \"TaskDoesNotExist\", \"message\": \"no such task\"}")));

        as(borrower).header("Idempotency-Key", "late").body(Map.of("accept", true)).when()
                .post("/v1/applications/" + id + "/acceptance").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/workflow-not-waiting"));
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.QUOTED);
    }

    @Test
    void theSameAcceptanceSentTwiceAtOnce_isA409ToSendAgain() {
        String borrower = "b-" + UUID.randomUUID();
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, borrower, Forms.emergency(), Map.of(
                "quote-rate", offer("o-4")));
        // the first of the two still holds its claim on the key
        Instant now = Instant.now();
        new DynamoIdempotencyStore(DynamoDbLocal.client(), DynamoDbLocal.TABLE).putRecord(new IdempotencyRecord(
                "POST acceptance#" + borrower + ":twice", IdempotencyRecord.Status.IN_PROGRESS, "h", null,
                now.plus(Duration.ofDays(1)), now.plusSeconds(30)), now);

        as(borrower).header("Idempotency-Key", "twice").body(Map.of("accept", true)).when()
                .post("/v1/applications/" + id + "/acceptance").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/concurrent-update"));
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.QUOTED);
    }
}
