package org.microloan.localstack.simulators;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The KYC provider, the credit bureau, the payment rail, SMS and the partners' webhook endpoints, as
 * WireMock speaking the providers' HTTP contracts (the mappings in {@code simulators/mappings}), with
 * scenarios to switch on: a provider that times out, a payout that fails once, a collection refused for want
 * of funds, a collection that is pending and settled by the rail's signed callback.
 */
public final class ProviderSimulators implements AutoCloseable {

    /** The scenarios one can switch on, and {@code normal} to switch them all off. */
    public static final List<String> SCENARIOS = List.of("normal", "kyc-timeout", "bureau-down", "payout-fails-once",
            "kyc-no-match", "rail-slow", "bureau-past-defaults", "collection-insufficient-funds", "collection-pending");

    private static final int JOURNAL = 2_000;
    private final WireMockServer server;
    private final RailCallbacks railCallbacks = new RailCallbacks();

    /** @param port 0 for any free port */
    public ProviderSimulators(int port) {
        // a smaller journal and no request log: trimming a journal of 10,000 and writing each stub's definition
        // out for a log nobody read were half of the simulators' processor time under load
        server = new WireMockServer(options().port(port).bindAddress("127.0.0.1").globalTemplating(true)
                .usingFilesUnderClasspath("simulators").maxRequestJournalEntries(JOURNAL).stubRequestLoggingDisabled(true)
                .containerThreads(16).extensions(railCallbacks));
        server.start();
    }

    /** Where the rail sends its signed callbacks for pending collections, and the secret it signs them with. */
    public void railCallbacksTo(URI callbacks, String secret, Supplier<Instant> now) {
        railCallbacks.deliverTo(callbacks, secret, now);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public synchronized void scenario(String name) {
        server.resetMappings();
        server.resetScenarios();
        server.resetToDefaultMappings();
        switch (name) {
            case "normal" -> {
            }
            case "kyc-timeout" -> server.stubFor(post(urlEqualTo("/v1/verifications")).atPriority(1)
                    .willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
            case "bureau-down" -> server.stubFor(post(urlEqualTo("/v1/reports")).atPriority(1)
                    .willReturn(aResponse().withStatus(503)));
            case "kyc-no-match" -> server.stubFor(post(urlEqualTo("/v1/verifications")).atPriority(1)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"verificationId\":\"kyc-x\",\"match\":\"NO_MATCH\",\"liveness\":\"PASS\"}")));
            case "bureau-past-defaults" -> server.stubFor(post(urlEqualTo("/v1/reports")).atPriority(1)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"reportId\":\"cr-{{jsonPath request.body '$.reference'}}\",\"pastDefaultRecords\":true,"
                                    + "\"outstandingDebt\":\"0.00\",\"enquiriesLast90Days\":1}")));
            case "rail-slow" -> server.stubFor(post(urlEqualTo("/v1/payouts")).atPriority(1)
                    .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withHeader("Content-Type", "application/json")
                            .withBody("{\"payoutId\":\"po-{{request.headers.Idempotency-Key}}\",\"status\":\"SETTLED\","
                                    + "\"amount\":\"{{jsonPath request.body '$.amount'}}\"}")));
            case "payout-fails-once" -> server.stubFor(post(urlEqualTo("/v1/payouts")).atPriority(1)
                    .inScenario("payout-fails-once").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(503)).willSetStateTo("failed"));
            case "collection-insufficient-funds" -> server.stubFor(post(urlEqualTo("/v1/collections")).atPriority(1)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"collectionId\":\"co-{{request.headers.Idempotency-Key}}\",\"status\":\"FAILED\","
                                    + "\"amount\":\"{{jsonPath request.body '$.amount'}}\",\"reason\":\"INSUFFICIENT_FUNDS\"}")));
            case "collection-pending" -> server.stubFor(post(urlEqualTo("/v1/collections")).atPriority(1)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"collectionId\":\"co-{{request.headers.Idempotency-Key}}\",\"status\":\"PENDING\","
                                    + "\"amount\":\"{{jsonPath request.body '$.amount'}}\"}"))
                    // settled a moment later, and the callback delivered three times, as rails do
                    .withServeEventListener(RailCallbacks.NAME, Parameters.from(java.util.Map.of("status", "SUCCEEDED",
                            "deliveries", 3))));
            default -> throw new IllegalArgumentException("no scenario " + name + ": one of " + SCENARIOS);
        }
    }

    /** What reached a provider at {@code url} (the last 2,000 requests to any provider are kept). */
    public List<LoggedRequest> requests(String url) {
        return server.findAll(postRequestedFor(urlEqualTo(url)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
