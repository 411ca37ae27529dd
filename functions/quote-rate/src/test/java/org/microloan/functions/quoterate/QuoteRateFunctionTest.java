package org.microloan.functions.quoterate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.origination.store.StoredApplication;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Walk;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.Offer;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
class QuoteRateFunctionTest {

    @Inject
    ApplicationIntake intake;

    @Inject
    ApplicationStore store;

    @Inject
    ExposureReservations exposure;

    @Inject
    ObjectMapper json;

    /** An application as score leaves it after an approval in {@code grade}. */
    private String scored(ApplicationForm form, String grade) {
        return new Walk(intake, store, exposure).to(ApplicationStatus.SCORED, form, Map.of("score",
                "{\"outcome\":\"APPROVE\",\"score\":560,\"pd\":0.08,\"grade\":\"" + grade
                        + "\",\"modelVersion\":\"cs-test\"}"));
    }

    private static ValidatableResponse invoke(Map<String, ?> event) {
        return given().contentType("application/json").accept("application/json").body(event).when().post().then();
    }

    @Test
    void offer_leadsWithTheApr_andStoresTheFullSchedule() throws Exception {
        String id = scored(Forms.emergency(), "A");

        invoke(Map.of("applicationId", id)).statusCode(200)
                .body("apr", notNullValue()).body("amount", equalTo("3000.00")).body("expiresAt", notNullValue());

        StoredApplication quoted = store.find(id).orElseThrow();
        // recorded, not yet QUOTED: the workflow's wait moves the status with its token, in one write
        assertThat(quoted.status()).isEqualTo(ApplicationStatus.SCORED);
        Offer offer = json.readValue(quoted.results().get("quote-rate"), Offer.class);
        assertThat(offer.annualRate()).isEqualTo("10.80");
        assertThat(offer.dailyRate()).isEqualTo("0.0300");
        assertThat(new BigDecimal(offer.apr())).isGreaterThanOrEqualTo(new BigDecimal("10.80"));
        assertThat(offer.schedule()).hasSize(3);
        assertThat(offer.cappedBy()).isNull();
        assertThat(offer.modelVersion()).isEqualTo("cs-test");
    }

    @Test
    void aGradeWhosePriceWouldBreakTheCap_isOfferedAtTheCap_andSaysWhy() throws Exception {
        String id = scored(Forms.emergency(), "D");

        invoke(Map.of("applicationId", id)).statusCode(200);

        Offer offer = json.readValue(store.find(id).orElseThrow().results().get("quote-rate"), Offer.class);
        assertThat(offer.annualRate()).isEqualTo("12.00");
        assertThat(offer.cappedBy()).startsWith("4 x LPR 3.00% on ");
    }

    @Test
    void theSameEventTwice_quotesOnce() {
        String id = scored(Forms.emergency(), "B");

        String first = invoke(Map.of("applicationId", id)).statusCode(200).extract().asString();

        assertThat(invoke(Map.of("applicationId", id)).statusCode(200).extract().asString()).isEqualTo(first);
    }
}
