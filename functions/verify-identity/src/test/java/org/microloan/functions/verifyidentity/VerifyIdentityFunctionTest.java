package org.microloan.functions.verifyidentity;

import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
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
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.ProviderStubs;
import org.microloan.testing.Walk;
import org.microloan.workflow.ApplicationStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(ProviderStubs.class)
class VerifyIdentityFunctionTest {

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

    /** An application as apply leaves it: APPLIED, its amount reserved. */
    private String applied(String borrower, ApplicationForm form) {
        return new Walk(intake, store, exposure).to(ApplicationStatus.APPLIED, borrower, form, Map.of());
    }

    private static RequestPatternBuilder verifications(String applicationId) {
        return postRequestedFor(urlEqualTo("/v1/verifications")).withRequestBody(containing(applicationId));
    }

    private static ValidatableResponse invoke(String applicationId) {
        return given().contentType("application/json").accept("application/json")
                .body(Map.of("applicationId", applicationId)).when().post().then();
    }

    @Test
    void soundIdentity_isVerified_withTheProvidersReference_andNoPersonalData() {
        String id = applied("b-" + UUID.randomUUID(), Forms.emergency());

        String body = invoke(id).statusCode(200).body("status", equalTo("IDENTITY_VERIFIED"))
                .body("verificationId", equalTo("kyc-" + id)).extract().asString();

        assertThat(body).doesNotContain("13812345678").doesNotContain(Forms.emergency().personal().idNumber());
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.IDENTITY_VERIFIED);
        // the liveness the vendor's SDK saw on the phone, as the app sent it: never one made up here
        assertThat(ProviderStubs.server().findAll(verifications(id)).get(0).getBodyAsString())
                .contains("\"livenessToken\":\"lv_sdk_5f1c9e\"");
    }

    @Test
    void alteredIdNumber_isDeclined_beforeTheProviderIsAsked_andTheReservationIsGivenBack() {
        String borrower = "b-" + UUID.randomUUID();
        String valid = Forms.idBornOn("1996-05-04");
        String altered = valid.substring(0, 16) + (valid.charAt(16) == '1' ? '3' : '1') + valid.charAt(17);
        String id = applied(borrower, Forms.withIdNumber(Forms.emergency(), altered));

        invoke(id).statusCode(200).body("status", equalTo("DECLINED")).body("reasons", contains("ID_CHECKSUM"));

        assertThat(exposure.held(store.find(id).orElseThrow().exposureKey(), id)).isEqualTo(Money.ZERO);
        assertThat(ProviderStubs.server().findAll(verifications(id))).isEmpty();
    }

    @Test
    void providerSaysNoMatch_isADecline() {
        ProviderStubs.kycNoMatch();
        String id = applied("b-" + UUID.randomUUID(), Forms.emergency());

        invoke(id).statusCode(200).body("status", equalTo("DECLINED")).body("reasons", contains("KYC_NO_MATCH"));
    }

    @Test
    void providerDown_failsTheStepForTheWorkflowToRetry_andTheRetryGoesThrough() {
        ProviderStubs.failing("/v1/verifications", 503);
        String id = applied("b-" + UUID.randomUUID(), Forms.emergency());

        invoke(id).statusCode(500).body("errorType", equalTo("org.microloan.workflow.ProviderUnavailableException"))
                .body("errorMessage", startsWith("kyc unavailable: HTTP 503"));
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.APPLIED);

        ProviderStubs.reset();
        invoke(id).statusCode(200).body("status", equalTo("IDENTITY_VERIFIED"));
    }

    @Test
    void theSameEventTwice_asksTheProviderOnce() {
        String id = applied("b-" + UUID.randomUUID(), Forms.emergency());

        String first = invoke(id).statusCode(200).extract().asString();
        String second = invoke(id).statusCode(200).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(ProviderStubs.server().findAll(verifications(id))).hasSize(1);
    }
}
