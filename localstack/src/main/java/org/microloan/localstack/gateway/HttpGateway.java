package org.microloan.localstack.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.microloan.localstack.states.Lambdas;

/**
 * API Gateway's HTTP API in front of {@code api}: each request becomes a payload 2.0 event, the
 * function's answer becomes the HTTP response. Header names are lower-cased and repeated headers
 * joined with commas, as API Gateway does; a body that is not text travels base64-encoded.
 */
public final class HttpGateway implements HttpHandler {

    /**
     * A function's own framing (a response it chunked, its length) is not passed on: API Gateway answers with the
     * whole body and its own length, as this does.
     */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "keep-alive", "transfer-encoding",
            "upgrade");


    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lambdas lambdas;
    private final String function;

    public HttpGateway(Lambdas lambdas, String function) {
        this.lambdas = lambdas;
        this.function = function;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ObjectNode event = event(exchange, body);
            Lambdas.Invocation answer;
            try {
                answer = lambdas.invoke(function, JSON.writeValueAsBytes(event));
            } catch (Lambdas.ServiceException e) {
                answer = null;
            }
            if (answer == null || answer.functionError() != null) {
                // what API Gateway answers when its integration fails
                send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            JsonNode response = JSON.readTree(answer.payload());
            Iterator<Map.Entry<String, JsonNode>> headers = response.path("headers").fields();
            while (headers.hasNext()) {
                Map.Entry<String, JsonNode> header = headers.next();
                if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                    exchange.getResponseHeaders().add(header.getKey(), header.getValue().asText());
                }
            }
            Iterator<Map.Entry<String, JsonNode>> multi = response.path("multiValueHeaders").fields();
            while (multi.hasNext()) {
                Map.Entry<String, JsonNode> header = multi.next();
                if (!exchange.getResponseHeaders().containsKey(header.getKey())
                        && !HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                    header.getValue().forEach(v -> exchange.getResponseHeaders().add(header.getKey(), v.asText()));
                }
            }
            response.path("cookies").forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c.asText()));
            String text = response.path("body").asText("");
            byte[] out = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
            send(exchange, response.path("statusCode").asInt(200), null, out);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ObjectNode event(HttpExchange exchange, byte[] body) {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", query == null ? "" : query);
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("cookie")) {
                headers.put(name.toLowerCase(), String.join(",", values));
            }
        });
        List<String> cookies = exchange.getRequestHeaders().get("Cookie");
        if (cookies != null) {
            var array = event.putArray("cookies");
            cookies.forEach(c -> List.of(c.split(";\\s*")).forEach(array::add));
        }
        if (query != null && !query.isEmpty()) {
            ObjectNode params = event.putObject("queryStringParameters");
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(key, params.has(key) ? params.get(key).asText() + "," + value : value);
            }
        }
        Instant now = Instant.now();
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "localhost");
        context.put("domainPrefix", "localhost");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", now.toString());
        context.put("timeEpoch", now.toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", path);
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
        if (body.length > 0) {
            boolean text = isText(exchange.getRequestHeaders().getFirst("Content-Type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static boolean isText(String contentType) {
        return contentType == null || contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("xml") || contentType.contains("x-www-form-urlencoded");
    }
}
