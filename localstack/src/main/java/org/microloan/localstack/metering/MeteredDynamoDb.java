package org.microloan.localstack.metering;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * DynamoDB Local behind a meter: every item call is passed on asking for its consumed capacity
 * ({@code ReturnConsumedCapacity: TOTAL}), and the units DynamoDB reports are counted as read or write
 * request units, as on-demand bills them. The answer goes back as DynamoDB gave it (a caller that did not ask
 * for the capacity ignores it). Only when the cost figures are wanted: it is one more hop per call.
 */
public final class MeteredDynamoDb implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> READS = Set.of("GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems");
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect",
            "transfer-encoding", "upgrade");

    private final URI target;
    private final Meter meter;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public MeteredDynamoDb(URI target, Meter meter) throws IOException {
        this.target = target;
        this.meter = meter;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::pass);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "metered-dynamodb");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void pass(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = amzTarget == null ? "" : amzTarget.substring(amzTarget.indexOf('.') + 1);
            boolean metered = READS.contains(operation) || WRITES.contains(operation);
            if (metered && body.length > 0) {
                ObjectNode request = (ObjectNode) JSON.readTree(body);
                request.put("ReturnConsumedCapacity", "TOTAL");
                body = JSON.writeValueAsBytes(request);
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (metered && answer.statusCode() == 200) {
                count(operation, JSON.readTree(answer.body()).path("ConsumedCapacity"));
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private void count(String operation, JsonNode consumed) {
        double units = 0;
        if (consumed.isArray()) {
            for (JsonNode c : consumed) {
                units += c.path("CapacityUnits").asDouble();
            }
        } else {
            units = consumed.path("CapacityUnits").asDouble();
        }
        if (READS.contains(operation)) {
            meter.dynamoDb(units, 0);
        } else {
            meter.dynamoDb(0, units);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
