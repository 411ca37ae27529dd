package org.microloan.functions.notifypartners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microloan.integrations.partners.PartnerNotice;
import org.microloan.integrations.partners.PartnerNotices;
import org.microloan.partner.WebhookSignature;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.ProviderStubs;

/** Status changes from the table's stream become signed notices to the partner, retried for a day. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(PartnerEndpoint.class)
class NotifyPartnersFunctionTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @Inject
    PartnerNotices notices;

    @BeforeEach
    void partnerTakesEverything() {
        ProviderStubs.reset();
        ProviderStubs.server().stubFor(post(urlEqualTo("/hooks/acme")).willReturn(aResponse().withStatus(204)));
    }

    private static Map<String, Object> image(String id, String borrower, String status) {
        return Map.of("pk", Map.of("S", "APP#" + id), "sk", Map.of("S", "APPLICATION"), "applicationId", Map.of("S", id),
                "borrowerId", Map.of("S", borrower), "status", Map.of("S", status), "version", Map.of("N", "3"),
                "personal", Map.of("B", "c2VhbGVk"));
    }

    /** A MODIFY record of the application's item, as DynamoDB Streams hands it to Lambda. */
    private static JsonPath changed(String id, String borrower, String from, String to, Instant at) {
        Map<String, Object> change = new HashMap<>();
        change.put("ApproximateCreationDateTime", at.getEpochSecond());
        change.put("Keys", Map.of("pk", Map.of("S", "APP#" + id), "sk", Map.of("S", "APPLICATION")));
        change.put("NewImage", image(id, borrower, to));
        change.put("OldImage", image(id, borrower, from));
        change.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        Map<String, Object> record = Map.of("eventID", UUID.randomUUID().toString(), "eventName", "MODIFY",
                "eventSource", "aws:dynamodb", "awsRegion", "us-east-1", "dynamodb", change);
        MovableClock.set(at);
        return call(Map.of("Records", List.of(record)));
    }

    private static JsonPath sweep(Instant at) {
        MovableClock.set(at);
        return call(Map.of("version", "0", "detail-type", "Scheduled Event", "source", "aws.events", "time", at.toString(),
                "detail", Map.of()));
    }

    private static JsonPath call(Map<String, Object> event) {
        return given().contentType("application/json").accept("application/json").body(event)
                .when().post().then().statusCode(200).extract().jsonPath();
    }

    private static List<LoggedRequest> deliveries(String applicationId) {
        return ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/hooks/acme"))
                .withRequestBody(containing(applicationId)));
    }

    @Test
    void aStatusChange_reachesThePartnerSigned_once_withoutPersonalData() {
        String id = UUID.randomUUID().toString();
        JsonPath result = changed(id, "partner:acme:shop-42", "IDENTITY_VERIFIED", "SCORED", T0);
        assertThat(result.getInt("noticed")).isEqualTo(1);
        assertThat(result.getInt("delivered")).isEqualTo(1);

        List<LoggedRequest> sent = deliveries(id);
        assertThat(sent).hasSize(1);
        LoggedRequest request = sent.get(0);
        String body = request.getBodyAsString();
        assertThat(WebhookSignature.refusal(SECRET, request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"), body.getBytes(StandardCharsets.UTF_8), T0)).isNull();
        assertThat(request.getHeader("webhook-timestamp")).isEqualTo(Long.toString(T0.getEpochSecond()));
        JsonPath payload = JsonPath.from(body);
        assertThat(payload.getString("type")).isEqualTo("application.status_changed");
        assertThat(payload.getString("data.status")).isEqualTo("SCORED");
        assertThat(payload.getString("data.merchantReference")).isEqualTo("shop-42");
        assertThat(payload.getString("data.statusLink")).isEqualTo("/v1/partners/acme/applications/" + id);
        assertThat(body).doesNotContain("c2VhbGVk").doesNotContain("personal");

        // the stream hands the same change over again: the partner is not told twice
        assertThat(changed(id, "partner:acme:shop-42", "IDENTITY_VERIFIED", "SCORED", T0).getInt("noticed")).isZero();
        assertThat(deliveries(id)).hasSize(1);
        PartnerNotice notice = notices.find(id, "SCORED").orElseThrow();
        assertThat(notice.state()).isEqualTo(PartnerNotice.State.DELIVERED);
        assertThat(notice.attempts()).isEqualTo(1);
        assertThat(notice.lastResult()).isEqualTo("204");
        assertThat(notice.messageId()).isEqualTo(request.getHeader("webhook-id"));
    }

    @Test
    void anAppBorrowersApplication_andAWriteThatLeavesTheStatus_tellNobody() {
        String id = UUID.randomUUID().toString();
        assertThat(changed(id, "b-" + id, "APPLIED", "IDENTITY_VERIFIED", T0).getInt("noticed")).isZero();
        assertThat(changed(id, "partner:acme:shop-1", "QUOTED", "QUOTED", T0).getInt("noticed")).isZero();
        assertThat(deliveries(id)).isEmpty();
        assertThat(notices.of(id)).isEmpty();
    }

    @Test
    void aPartnerThatIsDown_isTriedAgainWithBackoff_andGetsItWhenItIsBack() {
        String id = UUID.randomUUID().toString();
        var down = ProviderStubs.server().stubFor(post(urlEqualTo("/hooks/acme")).withRequestBody(containing(id))
                .atPriority(1).willReturn(aResponse().withStatus(503)));
        assertThat(changed(id, "partner:acme:shop-7", "QUOTED", "ACCEPTED", T0).getInt("retrying")).isEqualTo(1);
        PartnerNotice waiting = notices.find(id, "ACCEPTED").orElseThrow();
        assertThat(waiting.lastResult()).isEqualTo("503");
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));

        sweep(T0.plusSeconds(10));
        assertThat(deliveries(id)).hasSize(1);
        sweep(T0.plusSeconds(31));
        assertThat(deliveries(id)).hasSize(2);
        assertThat(notices.find(id, "ACCEPTED").orElseThrow().nextAttemptAt()).isEqualTo(T0.plusSeconds(31 + 60));

        ProviderStubs.server().removeStub(down);
        sweep(T0.plusSeconds(91));
        PartnerNotice delivered = notices.find(id, "ACCEPTED").orElseThrow();
        assertThat(delivered.state()).isEqualTo(PartnerNotice.State.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.nextAttemptAt()).isNull();
        List<LoggedRequest> sent = deliveries(id);
        assertThat(sent).hasSize(3);
        assertThat(sent).extracting(r -> r.getHeader("webhook-id")).containsOnly("msg_" + id + "_ACCEPTED");
        assertThat(sent).extracting(r -> r.getHeader("webhook-timestamp"))
                .containsExactly(Long.toString(T0.getEpochSecond()), Long.toString(T0.getEpochSecond() + 31),
                        Long.toString(T0.getEpochSecond() + 91));
    }

    @Test
    void aPartnerDownAllDay_isGivenUpAfter24Hours_andAnUnreachableOneSaysWhy() {
        String id = UUID.randomUUID().toString();
        ProviderStubs.server().stubFor(post(urlEqualTo("/hooks/acme")).withRequestBody(containing(id)).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        changed(id, "partner:acme:shop-9", "ACCEPTED", "DISBURSED", T0);
        PartnerNotice notice = notices.find(id, "DISBURSED").orElseThrow();
        while (notice.state() == PartnerNotice.State.PENDING) {
            sweep(notice.nextAttemptAt());
            notice = notices.find(id, "DISBURSED").orElseThrow();
        }
        assertThat(notice.state()).isEqualTo(PartnerNotice.State.GAVE_UP);
        assertThat(notice.attempts()).isEqualTo(19).isEqualTo(deliveries(id).size());
        assertThat(notice.lastAttemptAt()).isBetween(T0.plus(Duration.ofHours(22)), T0.plus(Duration.ofHours(24)));
        assertThat(notice.lastResult()).isEqualTo("500");

        String other = UUID.randomUUID().toString();
        changed(other, "partner:gone:shop-1", "SCORED", "QUOTED", T0);
        PartnerNotice unreachable = notices.find(other, "QUOTED").orElseThrow();
        assertThat(unreachable.lastResult()).startsWith("unreachable: ");
        assertThat(unreachable.state()).isEqualTo(PartnerNotice.State.PENDING);
    }
}
