package org.microloan.localstack.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.microloan.partner.WebhookSignature;

class RailCallbacksTest {

    private static final String SECRET = "whsec_cmFpbC1zZWNyZXQtZm9yLXRoZS10ZXN0";

    private record Heard(String webhookId, String body, String refusal) {
    }

    @Test
    void theRailCallsBack_onlyForACollectionItAnsweredPending_signed_andAsOftenAsTheScenarioSays() throws Exception {
        BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/v1/rail/callbacks", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                heard.add(new Heard(id, new String(body, StandardCharsets.UTF_8), WebhookSignature.refusal(SECRET, id,
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now())));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        platform.start();
        ProviderSimulators simulators = new ProviderSimulators(0);
        try {
            simulators.railCallbacksTo(URI.create("http://127.0.0.1:" + platform.getAddress().getPort()
                    + "/v1/rail/callbacks"), SECRET, Instant::now);

            // settled at once, refused at once, and another provider's request: nothing to call back about
            assertThat(post(simulators, "/v1/collections", "settled", "{\"reference\":\"r-settled\",\"amount\":\"10.00\"}"))
                    .contains("SUCCEEDED");
            assertThat(post(simulators, "/v1/verifications", "kyc", "{\"reference\":\"r-kyc\"}")).contains("MATCH");
            simulators.scenario("collection-insufficient-funds");
            assertThat(post(simulators, "/v1/collections", "refused", "{\"reference\":\"r-refused\",\"amount\":\"10.00\"}"))
                    .contains("INSUFFICIENT_FUNDS");

            simulators.scenario("collection-pending");
            assertThat(post(simulators, "/v1/collections", "pending", "{\"reference\":\"r-pending\",\"amount\":\"12.34\"}"))
                    .contains("PENDING");

            // callbacks go out in the order their requests came, so any for the earlier requests would come first
            List<Heard> three = List.of(next(heard), next(heard), next(heard));
            assertThat(three).extracting(Heard::webhookId).containsOnly("msg_co_pending");
            assertThat(three).extracting(Heard::refusal).containsOnlyNulls();
            assertThat(three.get(0).body()).contains("\"reference\":\"r-pending\"", "\"status\":\"SUCCEEDED\"",
                    "\"amount\":\"12.34\"", "\"collectionId\":\"co-pending\"");
            assertThat(heard.poll(1, TimeUnit.SECONDS)).as("delivered three times, no more").isNull();
        } finally {
            simulators.close();
            platform.stop(0);
        }
    }

    private static Heard next(BlockingQueue<Heard> heard) throws InterruptedException {
        Heard next = heard.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("a callback within 10 s").isNotNull();
        return next;
    }

    private static String post(ProviderSimulators simulators, String path, String key, String body) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulators.url() + path))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }
}
