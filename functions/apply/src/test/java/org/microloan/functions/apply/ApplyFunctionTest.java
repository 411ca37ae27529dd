package org.microloan.functions.apply;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

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
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.workflow.ApplicationStatus;

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

    @Test
    void eligibleApplication_isApplied_reservesTheAmount_andRecordsConsent() {
        String borrower = "b-" + UUID.randomUUID();
        String id = submitted(borrower, Forms.emergency());

        invoke(Map.of("applicationId", id)).statusCode(200)
                .body("status", equalTo("APPLIED")).body("consentVersion", equalTo("2026-01"));

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.APPLIED);
        assertThat(exposure.total(borrower)).isEqualTo(Money.of("3000"));
    }

    @Test
    void theSameEventTwice_returnsTheSameAnswer_andDoesNothingTwice() {
        String borrower = "b-" + UUID.randomUUID();
        String id = submitted(borrower, Forms.emergency());

        String first = invoke(Map.of("applicationId", id)).statusCode(200).extract().asString();
        String second = invoke(Map.of("applicationId", id)).statusCode(200).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(store.find(id).orElseThrow().version()).isEqualTo(2);
        assertThat(exposure.total(borrower)).isEqualTo(Money.of("3000"));
    }

    @Test
    void amountOutsideTheProduct_isDeclinedWithTheReason() {
        String id = submitted("b-" + UUID.randomUUID(), Forms.withAmount(Forms.emergency(), "8000.00", 3, "DAILY_ACCRUAL"));

        invoke(Map.of("applicationId", id)).statusCode(200)
                .body("status", equalTo("DECLINED")).body("reasons", contains("AMOUNT_OUT_OF_RANGE"));
    }

    @Test
    void overTheOutstandingLimit_isDeclined_andReservesNothing() {
        String borrower = "b-" + UUID.randomUUID();
        exposure.reserve(borrower, "earlier-loan", Money.of("198500"), Money.of("200000"));
        String id = submitted(borrower, Forms.emergency());

        invoke(Map.of("applicationId", id)).statusCode(200).body("reasons", contains("EXPOSURE_LIMIT"));

        assertThat(exposure.total(borrower)).isEqualTo(Money.of("198500"));
    }

    @Test
    void anUnknownApplication_failsTheStep_withANamedError() {
        // the error's name is the class of what the step threw: the workflow matches on it (permanent, not retried)
        invoke(Map.of("applicationId", "no-such-application")).statusCode(500)
                .body("errorType", equalTo("org.microloan.workflow.UnknownApplicationException"))
                .body("errorMessage", equalTo("no application no-such-application"));
    }
}
