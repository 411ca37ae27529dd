package org.microloan.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.partner.WebhookSignature;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.ProviderStubs;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
class PartnersResourceTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationStore store;

    private String body(String merchant) throws Exception {
        return json.writeValueAsString(new PartnersResource.Submission(merchant, Forms.emergency()));
    }

    private static ValidatableResponse deliver(String partner, String id, String timestamp, String signature, String body) {
        return given().contentType("application/json; charset=UTF-8").header("webhook-id", id)
                .header("webhook-timestamp", timestamp).header("webhook-signature", signature)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/v1/partners/" + partner + "/applications")
                .then();
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static String signed(String id, String timestamp, String body) {
        return WebhookSignature.sign(SECRET, id, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSignedDelivery_isAccepted_andARedeliveryAnswersTheSame_startingNothing() throws Exception {
        String merchant = "m-" + UUID.randomUUID();
        String body = body(merchant);
        String id = "msg_" + UUID.randomUUID();
        String ts = now();

        String first = deliver("acme", id, ts, signed(id, ts, body), body).statusCode(202).extract().asString();
        String again = deliver("acme", id, ts, signed(id, ts, body), body).statusCode(202).extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(store.ofBorrower("partner:acme:" + merchant)).hasSize(1);
    }

    @Test
    void severalSignatures_forKeyRotation_oneValidIsEnough() throws Exception {
        String body = body("m-" + UUID.randomUUID());
        String id = "msg_" + UUID.randomUUID();
        String ts = now();

        deliver("acme", id, ts, "v1,b2xkLWtleS1zaWduYXR1cmU= " + signed(id, ts, body), body).statusCode(202);
    }

    @Test
    void wrongSignature_staleTimestamp_unknownPartner_are401_andStoreNothing() throws Exception {
        String merchant = "m-" + UUID.randomUUID();
        String body = body(merchant);
        String id = "msg_" + UUID.randomUUID();
        String ts = now();
        String stale = Long.toString(Instant.now().minusSeconds(600).getEpochSecond());

        deliver("acme", id, ts, signed(id, ts, body + " "), body).statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo("no webhook-signature matches"));
        deliver("acme", id, stale, signed(id, stale, body), body).statusCode(401)
                .body("detail", equalTo("webhook-timestamp is more than 5 minutes from now"));
        deliver("nobody", id, ts, signed(id, ts, body), body).statusCode(401).body("detail", equalTo("unknown partner"));

        assertThat(store.ofBorrower("partner:acme:" + merchant)).isEmpty();
    }

    private static ValidatableResponse read(String partner, String applicationId, String signature, String id, String ts) {
        return given().header("webhook-id", id).header("webhook-timestamp", ts).header("webhook-signature", signature)
                .when().get("/v1/partners/" + partner + "/applications/" + applicationId).then();
    }

    @Test
    void thePartnerFollowsItsApplication_atTheLocationItWasGiven_signed_andSeesOnlyItsOwn() throws Exception {
        String body = body("m-" + UUID.randomUUID());
        String id = "msg_" + UUID.randomUUID();
        String ts = now();
        String location = deliver("acme", id, ts, signed(id, ts, body), body).statusCode(202).extract().header("Location");
        String applicationId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).endsWith("/v1/partners/acme/applications/" + applicationId);

        String readId = "msg_" + UUID.randomUUID();
        read("acme", applicationId, signed(readId, ts, ""), readId, ts).statusCode(200)
                .body("applicationId", equalTo(applicationId)).body("status", equalTo("RECEIVED"))
                .body("personal.idNumber", equalTo("110105********" + Forms.emergency().personal().idNumber().substring(14)));
        read("acme", applicationId, signed(readId, ts, "x"), readId, ts).statusCode(401).contentType("application/problem+json");
        read("other", applicationId, signed(readId, ts, ""), readId, ts).statusCode(401);
        read("acme", UUID.randomUUID().toString(), signed(readId, ts, ""), readId, ts).statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSubmissionWithoutTheMerchantsReference_isRefused_andStoresNothing() throws Exception {
        String body = json.writeValueAsString(new PartnersResource.Submission(null, Forms.emergency()));
        String id = "msg_" + UUID.randomUUID();
        String ts = now();
        deliver("acme", id, ts, signed(id, ts, body), body).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("/merchantReference"));
    }
}
