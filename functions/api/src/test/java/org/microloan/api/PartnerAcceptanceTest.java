package org.microloan.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.partner.PartnerMerchant;
import org.microloan.partner.WebhookSignature;
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
import static org.hamcrest.Matchers.equalTo;

/** A partner's offer is accepted by the borrower's code, texted to the mobile on the application. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
class PartnerAcceptanceTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationIntake intake;

    @Inject
    ExposureReservations exposure;

    @Inject
    ObjectMapper json;

    /** A partner's application quoted 3,000, the workflow waiting on the borrower's answer. */
    private String quoted() {
        String borrower = new PartnerMerchant("acme", "shop-" + UUID.randomUUID()).borrowerId();
        String id = new Walk(intake, store, exposure).to(ApplicationStatus.QUOTED, borrower, Forms.emergency(), Map.of(
                "quote-rate", "{\"offerId\":\"o-1\",\"apr\":\"10.95\",\"amount\":\"3000.00\",\"expiresAt\":\""
                        + Instant.now().plusSeconds(3600) + "\"}"));
        store.record(store.find(id).orElseThrow(), "acceptanceToken", "{\"taskToken\":\"token-" + id + "\"}");
        return id;
    }

    private static ValidatableResponse signed(String path, String body) {
        String webhookId = "msg_" + UUID.randomUUID();
        String ts = Long.toString(Instant.now().getEpochSecond());
        return given().contentType("application/json").header("webhook-id", webhookId).header("webhook-timestamp", ts)
                .header("webhook-signature", WebhookSignature.sign(SECRET, webhookId, ts, body.getBytes(StandardCharsets.UTF_8)))
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/v1/partners/acme/applications/" + path).then();
    }

    /** The code the SMS provider was asked to text for the application, and to which number. */
    private List<Map<String, Object>> texted(String id) throws Exception {
        List<Map<String, Object>> sent = new java.util.ArrayList<>();
        for (var r : ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("Idempotency-Key", containing("acceptance-code-" + id)))) {
            sent.add(json.readValue(r.getBodyAsString(), Map.class));
        }
        return sent;
    }

    @SuppressWarnings("unchecked")
    private String lastCode(String id) throws Exception {
        List<Map<String, Object>> sent = texted(id);
        return (String) ((Map<String, Object>) sent.get(sent.size() - 1).get("params")).get("code");
    }

    @Test
    void thePartnerHasTheCodeTexted_andRelaysIt_aWrongOneIsCounted_theRightOneAccepts() throws Exception {
        String id = quoted();

        signed(id + "/acceptance-code", "").statusCode(202).body("sentTo", equalTo("138****5678"))
                .body("wrongCodesLeft", equalTo(5));
        String code = lastCode(id);
        String wrong = code.equals("000000") ? "111111" : "000000";

        signed(id + "/acceptance", "{\"accept\": true, \"code\": \"" + wrong + "\"}").statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/acceptance-code-wrong"))
                .body("detail", equalTo("that is not the code sent to the borrower's mobile: 4 more wrong codes void the offer"));
        signed(id + "/acceptance", "{\"accept\": true}").statusCode(400).body("errors[0].field", equalTo("/code"));
        signed(id + "/acceptance", "{\"accept\": true, \"code\": \"" + code + "\"}").statusCode(200)
                .body("status", equalTo("ACCEPTED"));

        assertThat(texted(id)).singleElement().satisfies(m -> assertThat(m).containsEntry("to", "13812345678")
                .containsEntry("template", "ACCEPTANCE_CODE"));
        assertThat(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("token-" + id)))).hasSize(1);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.ACCEPTED);
    }

    @Test
    void fiveWrongCodes_voidTheOffer_andTheRightOneNoLongerAccepts() throws Exception {
        String id = quoted();
        signed(id + "/acceptance-code", "").statusCode(202);
        String code = lastCode(id);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 4; i++) {
            signed(id + "/acceptance", "{\"accept\": true, \"code\": \"" + wrong + "\"}").statusCode(422);
        }
        signed(id + "/acceptance", "{\"accept\": true, \"code\": \"" + wrong + "\"}").statusCode(409)
                .body("type", equalTo("https://microloan.dev/problems/offer-void"));
        signed(id + "/acceptance", "{\"accept\": true, \"code\": \"" + code + "\"}").statusCode(409)
                .body("type", equalTo("https://microloan.dev/problems/not-awaiting-acceptance"));

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.DECLINED);
        assertThat(exposure.held(store.find(id).orElseThrow().exposureKey(), id).isPositive()).as("the room is given back").isFalse();
    }

    @Test
    void theBorrowerEntersTheCodeInTheApp_aNewCodeReplacesTheOldOne() throws Exception {
        String id = quoted();
        String app = "Bearer " + Jwt.subject("b-" + UUID.randomUUID()).groups("borrower").sign();

        given().header("Authorization", app).when().post("/v1/applications/" + id + "/acceptance-code").then()
                .statusCode(202);
        String first = lastCode(id);
        given().header("Authorization", app).when().post("/v1/applications/" + id + "/acceptance-code").then()
                .statusCode(202).body("codesLeft", equalTo(3));
        String second = lastCode(id);

        given().header("Authorization", app).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body(Map.of("accept", true)).when()
                .post("/v1/applications/" + id + "/acceptance").then().statusCode(404);
        if (!first.equals(second)) {
            given().header("Authorization", app).header("Idempotency-Key", "k-" + UUID.randomUUID())
                    .contentType("application/json").body(Map.of("accept", true, "code", first)).when()
                    .post("/v1/applications/" + id + "/acceptance").then().statusCode(422);
        }
        given().header("Authorization", app).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body(Map.of("accept", true, "code", second)).when()
                .post("/v1/applications/" + id + "/acceptance").then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }
}
