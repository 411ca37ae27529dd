package org.microloan.functions.apply;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.origination.store.StoredApplication;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.workflow.ApplicationStatus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
class ApplyFunctionTest {

    @Inject
    ApplicationIntake intake;

    @Inject
    ApplicationStore store;

    @Inject
    ExposureReservations exposure;

    private String submitted(String borrower, ApplicationForm form) {
        String id = UUID.randomUUID().toString();
        intake.submit(id, borrower, form, Instant.now());
        return id;
    }

    /** The event the workflow sends, through the Lambda mock event server. */
    private static ValidatableResponse invoke(Object event) {
        return given().contentType("application/json").accept("application/json").body(event).when().post().then();
    }

    private String person(String id) {
        return store.find(id).orElseThrow().exposureKey();
    }

    @Test
    void eligibleApplication_isApplied_reservesTheAmount_andRecordsConsent() {
        String borrower = "b-" + UUID.randomUUID();
        String id = submitted(borrower, Forms.ofSomeoneElse(Forms.emergency()));

        invoke(Map.of("applicationId", id)).statusCode(200)
                .body("status", equalTo("APPLIED")).body("consentVersion", equalTo("2026-01"));

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.APPLIED);
        assertThat(exposure.total(person(id))).isEqualTo(Money.of("3000"));
        assertThat(person(id)).startsWith("pk_").doesNotContain(Forms.emergency().personal().idNumber().substring(6, 14));
    }

    @Test
    void theSameEventTwice_returnsTheSameAnswer_andDoesNothingTwice() {
        String borrower = "b-" + UUID.randomUUID();
        String id = submitted(borrower, Forms.ofSomeoneElse(Forms.emergency()));

        String first = invoke(Map.of("applicationId", id)).statusCode(200).extract().asString();
        String second = invoke(Map.of("applicationId", id)).statusCode(200).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(store.find(id).orElseThrow().version()).isEqualTo(2);
        assertThat(exposure.total(person(id))).isEqualTo(Money.of("3000"));
    }

    @Test
    void onePerson_throughTwoAccounts_orAnAccountAndAPartner_hasOneLimit() {
        ApplicationForm big = Forms.ofSomeoneElse(Forms.withProduct(Forms.withAmount(Forms.emergency(), "150000.00", 36,
                "EQUAL_INSTALLMENT"), "RENOVATION"));
        String first = submitted("b-" + UUID.randomUUID(), big);
        String second = submitted("partner:acme:m-" + UUID.randomUUID(), big);

        invoke(Map.of("applicationId", first)).statusCode(200).body("status", equalTo("APPLIED"));
        invoke(Map.of("applicationId", second)).statusCode(200).body("status", equalTo("DECLINED"))
                .body("reasons", contains("EXPOSURE_LIMIT"));

        assertThat(person(second)).isEqualTo(person(first));
        assertThat(exposure.total(person(first))).isEqualTo(Money.of("150000"));
    }

    @Test
    void amountOutsideTheProduct_isDeclinedWithTheReason() {
        String id = submitted("b-" + UUID.randomUUID(), Forms.withAmount(Forms.emergency(), "8000.00", 3, "DAILY_ACCRUAL"));

        invoke(Map.of("applicationId", id)).statusCode(200)
                .body("status", equalTo("DECLINED")).body("reasons", contains("AMOUNT_OUT_OF_RANGE"));
    }

    @Test
    void roomHeldByAnOfferThatExpired_isGivenBack_whenThePersonAppliesAgain() {
        ApplicationForm big = Forms.ofSomeoneElse(Forms.withProduct(Forms.withAmount(Forms.emergency(), "150000.00", 36,
                "EQUAL_INSTALLMENT"), "RENOVATION"));
        String expired = submitted("b-" + UUID.randomUUID(), big);
        invoke(Map.of("applicationId", expired)).statusCode(200).body("status", equalTo("APPLIED"));
        // the workflow's own write when nobody answered the offer in time
        StoredApplication offered = store.advance(store.find(expired).orElseThrow(), ApplicationStatus.IDENTITY_VERIFIED,
                "verify-identity", "{}");
        offered = store.advance(offered, ApplicationStatus.SCORED, "score", "{}");
        offered = store.advance(offered, ApplicationStatus.QUOTED, "acceptanceToken", "{}");
        store.advance(offered, ApplicationStatus.EXPIRED, "expiry", "{}");

        String again = submitted("b-" + UUID.randomUUID(), big);
        invoke(Map.of("applicationId", again)).statusCode(200).body("status", equalTo("APPLIED"));

        assertThat(exposure.held(person(expired), expired)).isEqualTo(Money.ZERO);
        assertThat(exposure.total(person(again))).isEqualTo(Money.of("150000"));
    }

    @Test
    void overTheOutstandingLimit_isDeclined_andReservesNothing() {
        String borrower = "b-" + UUID.randomUUID();
        String id = submitted(borrower, Forms.ofSomeoneElse(Forms.emergency()));
        exposure.reserve(person(id), "earlier-loan", Money.of("198500"), Money.of("200000"));

        invoke(Map.of("applicationId", id)).statusCode(200).body("reasons", contains("EXPOSURE_LIMIT"));

        assertThat(exposure.total(person(id))).isEqualTo(Money.of("198500"));
    }

    @Test
    void anUnknownApplication_failsTheStep_withANamedError() {
        // the error's name is the class of what the step threw: the workflow matches on it (permanent, not retried)
        invoke(Map.of("applicationId", "no-such-application")).statusCode(500)
                .body("errorType", equalTo("org.microloan.workflow.UnknownApplicationException"))
                .body("errorMessage", equalTo("no application no-such-application"));
    }
}
