package org.microloan.localstack.simulators;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The KYC provider, the credit bureau, the payment rail, SMS and the partners' webhook endpoints, as
 * WireMock speaking the providers' HTTP contracts (the mappings in {@code simulators/mappings}), with
 * scenarios to switch on: a provider that times out, a payout that fails once.
 */
public final class ProviderSimulators implements AutoCloseable {

    /** The scenarios one can switch on, and {@code normal} to switch them all off. */
    public static final List<String> SCENARIOS = List.of("normal", "kyc-timeout", "bureau-down", "payout-fails-once",
            "kyc-no-match", "rail-slow", "bureau-past-defaults");

    private final WireMockServer server;

    /** @param port 0 for any free port */
    public ProviderSimulators(int port) {
        server = new WireMockServer(options().port(port).bindAddress("127.0.0.1").globalTemplating(true)
                .usingFilesUnderClasspath("simulators").maxRequestJournalEntries(10_000).containerThreads(16));
        server.start();
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
            default -> throw new IllegalArgumentException("no scenario " + name + ": one of " + SCENARIOS);
        }
    }

    /** What reached a provider at {@code url} (the last 10,000 requests are kept). */
    public List<LoggedRequest> requests(String url) {
        return server.findAll(postRequestedFor(urlEqualTo(url)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
