package org.microloan.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.ProviderStubs;

@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
class ApplicationsResourceTest {

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationStore store;

    private static String token(String borrower) {
        return Jwt.subject(borrower).groups("borrower").sign();
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    private String body() throws Exception {
        return json.writeValueAsString(Forms.emergency());
    }

    @Test
    void submit_returns202_startsOneExecutionWithTheIdsOnly_andTheBorrowerFollowsIt() throws Exception {
        String borrower = "b-" + UUID.randomUUID();

        String id = as(token(borrower)).header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Request-Id", "req-123")
                .body(body()).when().post("/v1/applications").then().statusCode(202).header("X-Request-Id", "req-123")
                .header("Location", containsString("/v1/applications/")).body("status", equalTo("RECEIVED"))
                .extract().path("applicationId");

        var started = ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(id)));
        assertThat(started).hasSize(1);
        assertThat(started.get(0).getBodyAsString()).contains("\\\"applicationId\\\":\\\"" + id + "\\\"")
                .contains("\\\"requestId\\\":\\\"req-123\\\"")
                .doesNotContain("13812345678").doesNotContain("张三");
        // the log line of the start is one JSON object carrying the request id, and nothing personal
        List<JsonNode> logged = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target/api-test.log"))) {
            JsonNode entry = new ObjectMapper().readTree(line);
            if ("req-123".equals(entry.path("mdc").path("requestId").asText())) {
                logged.add(entry);
            }
        }
        assertThat(logged).extracting(e -> e.path("message").asText()).anyMatch(m -> m.contains("started execution")
                && m.endsWith(id));
        assertThat(logged.toString()).doesNotContain("13812345678").doesNotContain("张三");
        as(token(borrower)).header("X-Request-Id", "bad id; <script>").when().get("/v1/applications/" + id).then()
                .statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("status", equalTo("RECEIVED"))
                .body("personal.idNumber", equalTo("110105********" + Forms.emergency().personal().idNumber().substring(14)))
                .body("personal.mobile", equalTo("138****5678"))
                .body("personal.name", equalTo("张*"));
    }

    @Test
    void theSameKeyAndBody_answersTheSame_andAnotherBody_is422_andStoresNothing() throws Exception {
        String borrower = "b-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        String first = as(token(borrower)).header("Idempotency-Key", key).body(body()).when().post("/v1/applications")
                .then().statusCode(202).extract().asString();
        String again = as(token(borrower)).header("Idempotency-Key", key).body(body()).when().post("/v1/applications")
                .then().statusCode(202).extract().asString();
        String other = json.writeValueAsString(Forms.withAmount(Forms.emergency(), "4000.00", 3, "DAILY_ACCRUAL"));
        as(token(borrower)).header("Idempotency-Key", key).body(other).when().post("/v1/applications")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/idempotency-key-reused"));

        assertThat(again).isEqualTo(first);
        assertThat(store.ofBorrower(borrower)).hasSize(1);
    }

    @Test
    void noIdempotencyKey_is400_namingTheHeader() throws Exception {
        as(token("b-1")).body(body()).when().post("/v1/applications").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("header:Idempotency-Key"));
    }

    @Test
    void badFields_are400_namingEachOne_andNothingIsStored() throws Exception {
        String borrower = "b-" + UUID.randomUUID();
        String bad = json.writeValueAsString(Forms.withIdNumber(Forms.withAmount(Forms.emergency(), "-1", 3, "WEEKLY"), "123"));

        as(token(borrower)).header("Idempotency-Key", UUID.randomUUID().toString()).body(bad)
                .when().post("/v1/applications").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/invalid-application"))
                .body("errors.field", hasItem("/amount")).body("errors.field", hasItem("/method"))
                .body("errors.field", hasItem("/personal/idNumber"))
                .body(org.hamcrest.Matchers.not(containsString("123\"")));
        assertThat(store.ofBorrower(borrower)).isEmpty();
    }

    @Test
    void anUnknownField_malformedJson_andAnOversizedBody_areRefused() throws Exception {
        String withExtra = body().replaceFirst("\\{", "{\"favouriteColour\":\"red\",");
        as(token("b-1")).header("Idempotency-Key", UUID.randomUUID().toString()).body(withExtra)
                .when().post("/v1/applications").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/unknown-field"))
                .body("errors.field", hasItem("/favouriteColour"));
        as(token("b-1")).header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"productCode\":")
                .when().post("/v1/applications").then().statusCode(400).contentType("application/problem+json");
        as(token("b-1")).header("Idempotency-Key", UUID.randomUUID().toString()).body("x".repeat(70 * 1024))
                .when().post("/v1/applications").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://microloan.dev/problems/body-too-large"));
    }

    @Test
    void anotherBorrowersApplication_is404_notForbidden() throws Exception {
        String id = as(token("owner-" + UUID.randomUUID())).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body()).when().post("/v1/applications").then().statusCode(202).extract().path("applicationId");

        as(token("someone-else")).when().get("/v1/applications/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", startsWith("no application"));
    }

    @Test
    void forgedTokens_areAll401_problemJson() throws Exception {
        String publicKey = Files.readString(Path.of("src/test/resources/publicKey.pem"));
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(Map.of(
                "sub", "b-1", "groups", new String[] {"borrower"}, "iss", "https://auth.microloan.local",
                "aud", "microloan-app", "exp", Instant.now().plusSeconds(300).getEpochSecond())));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + claims + ".";
        String[] forged = {
                none,
                Jwt.subject("b-1").groups("borrower").signWithSecret(publicKey),
                Jwt.issuer("https://evil.example").subject("b-1").groups("borrower").sign(),
                Jwt.audience("another-app").subject("b-1").groups("borrower").sign(),
                Jwt.subject("b-1").groups("borrower").issuedAt(Instant.now().minusSeconds(7200))
                        .expiresAt(Instant.now().minusSeconds(3600)).sign(),
        };
        for (String token : forged) {
            as(token).when().get("/v1/applications/anything").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://microloan.dev/problems/unauthorized"));
        }
        given().header("X-Request-Id", "req-refused").when().get("/v1/applications/anything").then().statusCode(401)
                .contentType("application/problem+json").header("X-Request-Id", "req-refused");
    }
}
