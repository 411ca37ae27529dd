package org.microloan.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.microloan.api.SignedIn.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microloan.ledger.Books;
import org.microloan.ledger.Loan;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.partner.WebhookSignature;
import org.microloan.schedule.BusinessDate;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;

/** Repayments are collected through the rail and booked when it says they succeeded, never on the client's word. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
class RepaymentsResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RAIL_SECRET = "whsec_cmFpbC1jYWxsYmFjay1zZWNyZXQtZm9yLXRlc3Rz";
    private static final LocalDate TODAY = BusinessDate.today(Clock.systemUTC());

    @Inject
    Books books;

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationIntake intake;

    @AfterEach
    void railSucceedsAgain() {
        ProviderStubs.collections("SUCCEEDED", null);
    }

    /** 12,000 at 12% over 12 months, 30/360, on an application of the borrower's (its bound account). */
    private Loan loan(String borrower, LocalDate start, LocalDate firstDue) {
        return new TwelveThousand(books, store, intake).book(borrower, Forms.emergency(), start, firstDue);
    }

    /** Its first installment is due today. */
    private Loan dueToday(String borrower) {
        return loan(borrower, TODAY.minusMonths(1), TODAY);
    }

    private static String firstInstallment(String borrower, Loan loan) {
        var first = as(borrower, "borrower").when().get("/v1/loans/" + loan.id + "/schedule").then().statusCode(200)
                .extract().jsonPath();
        return new BigDecimal(first.getString("[0].principal")).add(new BigDecimal(first.getString("[0].interest")))
                .toPlainString();
    }

    private static ValidatableResponse repay(String borrower, Loan loan, String key, Map<String, ?> body) {
        return as(borrower, "borrower").header("Idempotency-Key", key).body(body).when()
                .post("/v1/loans/" + loan.id + "/repayments").then();
    }

    private static String outstanding(String borrower, Loan loan) {
        return as(borrower, "borrower").when().get("/v1/loans/" + loan.id).then().statusCode(200).extract()
                .path("outstandingPrincipal");
    }

    private static ValidatableResponse callback(String reference, String status, String secret) {
        String body = "{\"type\":\"collection.settled\",\"collectionId\":\"co-" + reference + "\",\"reference\":\""
                + reference + "\",\"status\":\"" + status + "\",\"amount\":null,\"reason\":null}";
        String id = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return given().contentType("application/json").header("webhook-id", id).header("webhook-timestamp", timestamp)
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .body(body).when().post("/v1/rail/callbacks").then();
    }

    @Test
    void aRepayment_isCollectedFromTheBoundAccount_bookedWhenTheRailSaysSo_andOnceByKey() {
        String borrower = "b-" + UUID.randomUUID();
        Loan loan = dueToday(borrower);
        String installment = firstInstallment(borrower, loan);

        var first = repay(borrower, loan, "k-1", Map.of("amount", installment)).statusCode(202)
                .body("status", equalTo("SUCCEEDED")).body("valueDate", equalTo(TODAY.toString()))
                .body("posted.applied.CURRENT_INTEREST", equalTo("120.00"))
                .body("posted.outstandingPrincipal", equalTo("11053.81")).extract();
        String id = first.path("repaymentId");
        assertThat(first.header("Location")).endsWith("/v1/loans/" + loan.id + "/repayments/" + id);
        repay(borrower, loan, "k-1", Map.of("amount", installment)).statusCode(202).body("repaymentId", equalTo(id));

        var asked = ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/v1/collections"))
                .withHeader("Idempotency-Key", WireMock.equalTo("collect-" + id)));
        assertThat(asked).as("collected once").hasSize(1);
        assertThat(asked.get(0).getBodyAsString()).contains("\"payerAccount\":\"6222021234567890123\"")
                .contains("\"amount\":\"" + installment + "\"");
        as(borrower, "borrower").when().get("/v1/loans/" + loan.id + "/repayments/" + id).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("origin", equalTo("BORROWER"));
        as(borrower, "borrower").when().get("/v1/loans/" + loan.id + "/repayments").then().statusCode(200)
                .body("$", hasSize(1));
        as("someone-else", "borrower").when().get("/v1/loans/" + loan.id + "/repayments/" + id).then().statusCode(404);
        assertThat(outstanding(borrower, loan)).isEqualTo("11053.81");
    }

    @Test
    void aFailedCollection_isAnsweredWithWhy_andTheBooksDoNotMove() {
        String borrower = "b-" + UUID.randomUUID();
        Loan loan = dueToday(borrower);
        ProviderStubs.collections("FAILED", "INSUFFICIENT_FUNDS");

        repay(borrower, loan, "poor", Map.of("amount", "1066.19")).statusCode(202)
                .body("status", equalTo("FAILED")).body("reason", equalTo("INSUFFICIENT_FUNDS")).body("posted", nullValue());

        assertThat(outstanding(borrower, loan)).isEqualTo("12000.00");
    }

    @Test
    void aPendingCollection_isBookedOnceByTheRailsSignedCallback_deliveredThreeTimes() {
        String borrower = "b-" + UUID.randomUUID();
        Loan loan = dueToday(borrower);
        ProviderStubs.collections("PENDING", null);

        String id = repay(borrower, loan, "slow", Map.of("amount", "1066.19")).statusCode(202)
                .body("status", equalTo("PENDING")).extract().path("repaymentId");
        assertThat(outstanding(borrower, loan)).isEqualTo("12000.00");

        callback(id, "SUCCEEDED", "whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC0x").statusCode(401)
                .body("type", equalTo("https://microloan.dev/problems/webhook-refused"));
        for (int i = 0; i < 3; i++) {
            callback(id, "SUCCEEDED", RAIL_SECRET).statusCode(200).body("status", equalTo("SUCCEEDED"));
        }
        callback(id, "FAILED", RAIL_SECRET).statusCode(409)
                .body("type", equalTo("https://microloan.dev/problems/collection-contradicted"));
        callback("no-such-repayment", "SUCCEEDED", RAIL_SECRET).statusCode(404);

        as(borrower, "borrower").when().get("/v1/loans/" + loan.id + "/repayments/" + id).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("valueDate", equalTo(TODAY.toString()));
        assertThat(outstanding(borrower, loan)).as("booked once").isEqualTo("11053.81");
    }

    @Test
    void refusalsComeBeforeAnythingIsCollected_payoffExceeded_valueDate_settledLoan() {
        String borrower = "b-" + UUID.randomUUID();
        Loan loan = dueToday(borrower);
        String payoff = as(borrower, "borrower").when().get("/v1/loans/" + loan.id + "/payoff?on=" + TODAY).then()
                .statusCode(200).extract().path("payoff");

        repay(borrower, loan, "too-much", Map.of("amount", "99999.00")).statusCode(422)
                .contentType("application/problem+json").body("errors[0].detail", equalTo("send at most " + payoff));
        repay(borrower, loan, "back-dated", Map.of("amount", "1066.19", "on", TODAY.minusDays(3).toString()))
                .statusCode(422).body("type", equalTo("https://microloan.dev/problems/value-date"))
                .body("errors[0].field", equalTo("/on"));
        repay(borrower, loan, "bad", Map.of("amount", "12.345")).statusCode(400).body("errors[0].field", equalTo("/amount"));
        assertThat(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/v1/collections"))
                .withRequestBody(WireMock.containing("99999.00")))).as("nothing asked of the rail").isEmpty();

        repay(borrower, loan, "all", Map.of("amount", payoff)).statusCode(202).body("status", equalTo("SUCCEEDED"))
                .body("posted.settled", equalTo(true)).body("posted.outstandingPrincipal", equalTo("0.00"));
        repay(borrower, loan, "more", Map.of("amount", "1.00")).statusCode(409)
                .body("type", equalTo("https://microloan.dev/problems/loan-settled"));
        repay(borrower, loan, "all", Map.of("amount", payoff)).statusCode(202).body("status", equalTo("SUCCEEDED"));
    }

    @Test
    void anAmountBelowTheAccruedInterest_is422_sayingWhatToSend() {
        String borrower = "b-" + UUID.randomUUID();
        Loan loan = loan(borrower, TODAY.minusDays(10), null);

        repay(borrower, loan, "tiny", Map.of("amount", "1.00")).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/repayment-refused"))
                .body("errors[0].field", equalTo("/amount"));
        assertThat(outstanding(borrower, loan)).isEqualTo("12000.00");
    }

    @Test
    void moneyReceivedAnotherWay_isPostedByOpsOnly_withItsBankReferenceAndAValueDateInTheWindow() {
        String borrower = "b-" + UUID.randomUUID();
        Loan loan = dueToday(borrower);
        Map<String, String> transfer = Map.of("amount", "1066.19", "bankReference", "ICBC-" + loan.id,
                "valueDate", TODAY.toString(), "reason", "paid by transfer to the lender's account");

        String id = as("ops-1", "operator").body(transfer).when().post("/v1/ops/loans/" + loan.id + "/repayments").then()
                .statusCode(201).body("status", equalTo("SUCCEEDED")).body("origin", equalTo("OFFLINE"))
                .body("posted.outstandingPrincipal", equalTo("11053.81")).extract().path("repaymentId");
        as("ops-1", "operator").body(transfer).when().post("/v1/ops/loans/" + loan.id + "/repayments").then()
                .statusCode(201).body("repaymentId", equalTo(id));

        as("ops-1", "operator").body(Map.of("amount", "10.00", "bankReference", "ICBC-2", "valueDate",
                TODAY.plusDays(1).toString(), "reason", "x")).when().post("/v1/ops/loans/" + loan.id + "/repayments").then()
                .statusCode(422).body("type", equalTo("https://microloan.dev/problems/value-date"));
        as("ops-1", "operator").body(Map.of("amount", "10.00", "bankReference", "ICBC-3", "valueDate",
                TODAY.minusMonths(1).minusDays(1).toString(), "reason", "x")).when()
                .post("/v1/ops/loans/" + loan.id + "/repayments").then().statusCode(422)
                .body("errors[0].field", equalTo("/valueDate"));
        as("ops-1", "operator").body(Map.of("amount", "10.00", "bankReference", "ICBC-4", "valueDate", TODAY.toString()))
                .when().post("/v1/ops/loans/" + loan.id + "/repayments").then().statusCode(400)
                .body("errors[0].field", equalTo("/reason"));
        as(borrower, "borrower").body(transfer).when().post("/v1/ops/loans/" + loan.id + "/repayments").then()
                .statusCode(403);
        assertThat(outstanding(borrower, loan)).as("posted once").isEqualTo("11053.81");

        // staff read the loan whole: the posting in its repayments and in its journal, balanced
        as("col-1", "collector").when().get("/v1/ops/loans/" + loan.id).then().statusCode(200)
                .body("state.outstandingPrincipal", equalTo("11053.81"))
                .body("schedule.size()", equalTo(loan.account().installments().size()))
                .body("repayments.find { it.origin == 'OFFLINE' }.repaymentId", equalTo(id))
                .body("history.journal.findAll { it.kind == 'REPAYMENT' && it.account == 'BANK_RECEIPTS' }.debit",
                        hasItem("1066.19"));
        as(borrower, "borrower").when().get("/v1/ops/loans/" + loan.id).then().statusCode(403);
        as("rev-1", "reviewer").when().get("/v1/ops/loans/" + loan.id).then().statusCode(403);
        as("col-1", "collector").when().get("/v1/ops/loans/nope").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
