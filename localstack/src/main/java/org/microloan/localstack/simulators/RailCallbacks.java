package org.microloan.localstack.simulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.microloan.partner.WebhookSignature;

/**
 * The rail's callbacks: after it answered a collection PENDING, it tells the platform the outcome in a
 * Standard Webhooks delivery signed with the rail's secret, as often as the scenario says (a rail
 * redelivers until it hears 2xx, and sometimes after), each time with the same webhook-id.
 */
final class RailCallbacks implements ServeEventListener {

    static final String NAME = "rail-callbacks";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rail-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile URI target;
    private volatile String secret;
    private volatile Supplier<Instant> now = Instant::now;

    /** @param clock the rail's time, the stack's: its callbacks are stamped with it */
    void deliverTo(URI callbacks, String railSecret, Supplier<Instant> clock) {
        this.target = callbacks;
        this.secret = railSecret;
        this.now = clock;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /**
     * Only for the stubs that name it: WireMock calls a listener for every request it serves unless it says
     * otherwise, and a rail calls back only for a collection it answered PENDING, never for one it has already
     * settled or refused, nor for another provider's request.
     */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        if (target == null) {
            return;
        }
        try {
            JsonNode asked = JSON.readTree(event.getRequest().getBodyAsString());
            String key = event.getRequest().getHeader("Idempotency-Key");
            ObjectNode outcome = JSON.createObjectNode().put("type", "collection.settled").put("collectionId", "co-" + key)
                    .put("reference", asked.path("reference").asText()).put("status", parameters.getString("status", "SUCCEEDED"))
                    .put("amount", asked.path("amount").asText());
            outcome.putNull("reason");
            byte[] body = JSON.writeValueAsBytes(outcome);
            int deliveries = parameters.getInt("deliveries", 1);
            for (int i = 0; i < deliveries; i++) {
                scheduler.schedule(() -> deliver("msg_co_" + key, body), 300L + 300L * i, TimeUnit.MILLISECONDS);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliver(String messageId, byte[] body) {
        String timestamp = Long.toString(now.get().getEpochSecond());
        try {
            http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("webhook-id", messageId)
                    .header("webhook-timestamp", timestamp)
                    .header("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            System.err.println("the rail's callback did not reach " + target + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
