package org.microloan.functions.score;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.scoring.Scorecard;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.ProviderStubs;
import org.microloan.testing.Walk;
import org.microloan.workflow.ApplicationStatus;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(ProviderStubs.class)
class ScoreFunctionTest {

    @Inject
    ApplicationIntake intake;

    @Inject
    ApplicationStore store;

    @Inject
    ExposureReservations exposure;

    @AfterEach
    void providersHappyAgain() {
        ProviderStubs.reset();
    }

    /** An application as verify-identity leaves it. */
    private String verified(String borrower, ApplicationForm form) {
        return new Walk(intake, store, exposure).to(ApplicationStatus.IDENTITY_VERIFIED, borrower, form, Map.of());
    }

    private static ValidatableResponse invoke(Map<String, ?> event) {
        return given().contentType("application/json").accept("application/json").body(event).when().post().then();
    }

    @Test
    void soundApplicant_isApproved_withGradeScoreAndModelVersion() {
        String id = verified("b-" + UUID.randomUUID(), Forms.emergency());

        invoke(Map.of("applicationId", id)).statusCode(200)
                .body("outcome", equalTo("APPROVE")).body("status", equalTo("SCORED"))
                .body("grade", notNullValue()).body("modelVersion", equalTo(Scorecard.bundled().version()))
                .body("bureauReportId", equalTo("cr-" + id));

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.SCORED);
    }

    @Test
    void pastDefaultsAtTheBureau_declineAConsumerLoan_andGiveTheReservationBack() {
        String borrower = "b-" + UUID.randomUUID();
        String id = verified(borrower, Forms.emergency());
        ProviderStubs.bureauPastDefaults(id);

        invoke(Map.of("applicationId", id)).statusCode(200)
                .body("outcome", equalTo("DECLINE")).body("reasons", hasItem("PAST_DEFAULT_RECORDS"));

        assertThat(exposure.held(store.find(id).orElseThrow().exposureKey(), id)).isEqualTo(Money.ZERO);
    }

    @Test
    void weakProfile_isDeclinedWithTheScorecardsReasons() {
        ApplicationForm e = Forms.emergency();
        ApplicationForm weak = new ApplicationForm(e.productCode(), e.amount(), e.termMonths(), e.method(), e.frequency(),
                e.applicationDate(), e.personal(), new ApplicationForm.Finances("4000.00", "4200.00", "0.00", "30000.00",
                "3000.00", BigDecimal.ZERO, "RENT", "SEPARATED", "PART_TIME", null), e.consent(), null);
        String id = verified("b-" + UUID.randomUUID(), weak);

        invoke(Map.of("applicationId", id)).statusCode(200)
                .body("outcome", equalTo("DECLINE")).body("grade", equalTo("E")).body("reasons[0]", notNullValue());
    }

    @Test
    void bureauDown_failsTheStep_andNothingIsDecided() {
        ProviderStubs.failing("/v1/reports", 500);
        String id = verified("b-" + UUID.randomUUID(), Forms.emergency());

        invoke(Map.of("applicationId", id)).statusCode(500)
                .body("errorType", equalTo("org.microloan.workflow.ProviderUnavailableException"))
                .body("errorMessage", startsWith("bureau unavailable"));

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.IDENTITY_VERIFIED);
    }

    @Test
    void theSameEventTwice_decidesOnce() {
        String id = verified("b-" + UUID.randomUUID(), Forms.emergency());

        String first = invoke(Map.of("applicationId", id)).statusCode(200).extract().asString();

        assertThat(invoke(Map.of("applicationId", id)).statusCode(200).extract().asString()).isEqualTo(first);
        assertThat(store.find(id).orElseThrow().version()).isEqualTo(4);
    }
}
