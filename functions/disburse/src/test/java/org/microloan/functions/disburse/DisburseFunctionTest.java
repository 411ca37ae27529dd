package org.microloan.functions.disburse;

import org.microloan.ledger.LoanState;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microloan.integrations.providers.PaymentRail;
import org.microloan.ledger.Books;
import org.microloan.ledger.CreditLines;
import org.microloan.ledger.Loan;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.origination.store.StoredApplication;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;
import org.microloan.testing.Walk;
import org.microloan.workflow.ApplicationStatus;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
class DisburseFunctionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ApplicationIntake intake;

    @Inject
    ApplicationStore store;

    @Inject
    Books books;

    @Inject
    PaymentRail rail;

    @Inject
    ExposureReservations exposure;

    @Inject
    CreditLines creditLines;

    @AfterEach
    void providersHappyAgain() {
        ProviderStubs.reset();
    }

    /** An application as quote-rate leaves it: an offer of 3,000 over 3 months at 10.80%. */
    private String quoted() {
        return new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, Forms.emergency(), Map.of("quote-rate",
                "{\"offerId\":\"o-1\",\"amount\":\"3000.00\",\"creditLine\":\"5000.00\",\"annualRate\":\"10.80\",\"termMonths\":3,"
                        + "\"method\":\"DAILY_ACCRUAL\",\"frequency\":\"MONTHLY\",\"dayCount\":\"ACT/360\"}"));
    }

    private static ValidatableResponse invoke(String id) {
        return given().contentType("application/json").accept("application/json")
                .body(Map.of("applicationId", id)).when().post().then();
    }

    private static int payoutsFor(String id) {
        return ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/v1/payouts"))
                .withHeader("Idempotency-Key", equalTo(Payout.railKey(id)))).size();
    }

    @Test
    void payout_booksTheLoanAndItsSchedule_withABalancedJournal() {
        String id = quoted();

        String loanId = invoke(id).statusCode(200).extract().path("loanId");

        Loan loan = books.loanOfApplication(id).await().atMost(WAIT);
        assertThat(loan.id).isEqualTo(loanId);
        assertThat(loan.principalFen).isEqualTo(300_000);
        assertThat(loan.payoutReference).isEqualTo("po-" + Payout.railKey(id));
        assertThat(loan.installments).hasSize(3);
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
        StoredApplication disbursed = store.find(id).orElseThrow();
        assertThat(disbursed.status()).isEqualTo(ApplicationStatus.DISBURSED);
        assertThat(store.loansOf(disbursed.borrowerId())).containsExactly(loanId);
        assertThat(creditLines.line(disbursed.borrowerId(), "EMERGENCY").await().atMost(WAIT).lineFen).isEqualTo(500_000);
    }

    @Test
    void aRenovationLoan_isPaidToTheMerchant_notTheBorrower_andTheLoanSaysToWhom() {
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, Forms.withProduct(Forms.emergency(),
                "RENOVATION"), Map.of("quote-rate", "{\"offerId\":\"o-2\",\"amount\":\"80000.00\",\"annualRate\":\"6.50\","
                + "\"termMonths\":12,\"method\":\"EQUAL_INSTALLMENT\",\"frequency\":\"MONTHLY\",\"dayCount\":\"30/360\"}"));

        invoke(id).statusCode(200);

        var payout = ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/v1/payouts"))
                .withHeader("Idempotency-Key", equalTo(Payout.railKey(id)))).get(0).getBodyAsString();
        assertThat(payout).contains("\"payee\":\"MERCHANT\"", Forms.MERCHANT.account(), Forms.MERCHANT.name())
                .doesNotContain(Forms.emergency().personal().bankAccount());
        Loan loan = books.loanOfApplication(id).await().atMost(WAIT);
        assertThat(books.state(loan.id, loan.startDate).await().atMost(WAIT).paidTo()).isEqualTo(new LoanState.PaidTo(
                "MERCHANT", Forms.MERCHANT.name(), Forms.MERCHANT.creditCode(), "***************6543"));
    }

    @Test
    void replayingTheStep_paysOnceAndBooksOnce() {
        String id = quoted();

        String first = invoke(id).statusCode(200).extract().asString();
        String second = invoke(id).statusCode(200).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(payoutsFor(id)).isEqualTo(1);
        assertThat(books.loanCount(id).await().atMost(WAIT)).isEqualTo(1);
    }

    @Test
    void aCrashAfterThePayout_isHealedOnTheNextTry_withTheSamePayoutAndOneLoan() {
        String id = quoted();
        // the first try paid, then died before booking: the rail knows the payout, the books do not
        PaymentRail.Payout first = rail.pay(new PaymentRail.Request(id, "3000.00", "CNY", "BORROWER", "x", "1"),
                Payout.railKey(id));

        invoke(id).statusCode(200);

        assertThat(books.loanOfApplication(id).await().atMost(WAIT).payoutReference).isEqualTo(first.payoutId());
        assertThat(books.loanCount(id).await().atMost(WAIT)).isEqualTo(1);
    }

    @Test
    void railDown_failsTheStep_andTheRetryPaysOnce() {
        ProviderStubs.failing("/v1/payouts", 503);
        String id = quoted();

        invoke(id).statusCode(500).body("errorType", Matchers.equalTo("org.microloan.workflow.ProviderUnavailableException"))
                .body("errorMessage", startsWith("rail unavailable: HTTP 503"));
        assertThat(books.loanCount(id).await().atMost(WAIT)).isZero();

        ProviderStubs.reset();
        invoke(id).statusCode(200);
        assertThat(books.loanCount(id).await().atMost(WAIT)).isEqualTo(1);
    }
}
