package org.microloan.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The stack's API as an app calls it: JSON bodies, a bearer token, an Idempotency-Key on every call. */
public final class StackClient {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StackClient() {
    }

    public static HttpResponse<String> send(String method, URI uri, String token, Object body, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .header("Content-Type", "application/json").header("Idempotency-Key", key);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Accepts an offer as the app does, once the application is QUOTED (the workflow is then waiting on it). */
    public static HttpResponse<String> accept(URI api, String applicationId, String token)
            throws IOException, InterruptedException {
        return send("POST", api.resolve("/v1/applications/" + applicationId + "/acceptance"), token, Map.of("accept", true),
                UUID.randomUUID().toString());
    }
}
