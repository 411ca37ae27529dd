package org.microloan.testing;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The KYC provider, the credit bureau, the payment rail and the SMS provider as WireMock stubs of their documented
 * contracts, all answering yes by default; tests switch on the failures they need. The rail answers the
 * same payout or collection for the same Idempotency-Key, as the real one does.
 */
public final class ProviderStubs implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().globalTemplating(true));
            server.start();
            reset();
        }
        return server;
    }

    /** Back to the happy stubs. */
    public static void reset() {
        WireMockServer s = server();
        s.resetAll();
        s.stubFor(post(urlEqualTo("/v1/verifications")).willReturn(json(
                "{\"verificationId\":\"kyc-{{jsonPath request.body '$.reference'}}\",\"match\":\"MATCH\",\"liveness\":\"PASS\"}")));
        s.stubFor(post(urlEqualTo("/v1/reports")).willReturn(json(
                "{\"reportId\":\"cr-{{jsonPath request.body '$.reference'}}\",\"pastDefaultRecords\":false,"
                        + "\"outstandingDebt\":\"0.00\",\"enquiriesLast90Days\":1}")));
        s.stubFor(post(urlEqualTo("/v1/payouts")).withHeader("Idempotency-Key", matchingAny())
                .willReturn(json("{\"payoutId\":\"po-{{request.headers.Idempotency-Key}}\",\"status\":\"SETTLED\","
                        + "\"amount\":\"{{jsonPath request.body '$.amount'}}\"}")));
        s.stubFor(post(urlEqualTo("/v1/collections")).withHeader("Idempotency-Key", matchingAny())
                .willReturn(json("{\"collectionId\":\"co-{{request.headers.Idempotency-Key}}\",\"status\":\"SUCCEEDED\","
                        + "\"amount\":\"{{jsonPath request.body '$.amount'}}\"}")));
        s.stubFor(post(urlEqualTo("/v1/messages")).withHeader("Idempotency-Key", matchingAny())
                .willReturn(json("{\"messageId\":\"m-{{request.headers.Idempotency-Key}}\"}")));
    }

    /** The KYC provider says the three factors do not match. */
    public static void kycNoMatch() {
        server().stubFor(post(urlEqualTo("/v1/verifications")).willReturn(json(
                "{\"verificationId\":\"kyc-x\",\"match\":\"NO_MATCH\",\"liveness\":\"PASS\"}")));
    }

    /** The bureau reports past defaults for one reference. */
    public static void bureauPastDefaults(String reference) {
        server().stubFor(post(urlEqualTo("/v1/reports")).withRequestBody(matchingJsonPath("$.reference", equalTo(reference)))
                .willReturn(json("{\"reportId\":\"cr-x\",\"pastDefaultRecords\":true,\"outstandingDebt\":\"0.00\","
                        + "\"enquiriesLast90Days\":1}")));
    }

    /** The rail answers every collection with {@code status} (FAILED with {@code reason}, or PENDING). */
    public static void collections(String status, String reason) {
        server().stubFor(post(urlEqualTo("/v1/collections")).willReturn(json("{\"collectionId\":\"co-{{request.headers.Idempotency-Key}}\","
                + "\"status\":\"" + status + "\",\"amount\":\"{{jsonPath request.body '$.amount'}}\","
                + "\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"") + "}")));
    }

    /** The rail answers SUCCEEDED to collections from one account (and what else it was told to others). */
    public static void collectionsSucceedFrom(String payerAccount) {
        server().stubFor(post(urlEqualTo("/v1/collections")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.payerAccount", equalTo(payerAccount)))
                .willReturn(json("{\"collectionId\":\"co-{{request.headers.Idempotency-Key}}\",\"status\":\"SUCCEEDED\","
                        + "\"amount\":\"{{jsonPath request.body '$.amount'}}\"}")));
    }

    /** A provider answers {@code status} to every request at {@code path}. */
    public static void failing(String path, int status) {
        server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)));
    }

    /** A provider answers, but only after {@code millis}. */
    public static void slow(String path, int millis) {
        server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withFixedDelay(millis).withStatus(200)));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static StringValuePattern matchingAny() {
        return matching(".+");
    }

    @Override
    public Map<String, String> start() {
        String url = "http://localhost:" + server().port();
        return Map.of("quarkus.rest-client.kyc.url", url, "quarkus.rest-client.bureau.url", url,
                "quarkus.rest-client.rail.url", url, "quarkus.rest-client.sms.url", url);
    }

    @Override
    public void stop() {
        // shared by the test JVM
    }
}
