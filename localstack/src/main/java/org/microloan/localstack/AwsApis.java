package org.microloan.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.microloan.localstack.lambda.LambdaHost;
import org.microloan.localstack.simulators.ProviderSimulators;
import org.microloan.localstack.states.Lambdas;
import org.microloan.localstack.states.LocalClock;
import org.microloan.localstack.states.StepFunctionsApi;

/**
 * The AWS port: Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}), the stack's own
 * controls under {@code /_local/} (the clock, development tokens, the simulators' scenarios), and the Step
 * Functions API for everything else.
 */
final class AwsApis implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaHost host;
    private final StepFunctionsApi states;
    private final LocalClock clock;
    private final TokenIssuer tokens;
    private final DevelopmentSignIn signIn;
    private final ProviderSimulators simulators;
    private final DailyRun daily;

    AwsApis(LambdaHost host, StepFunctionsApi states, LocalClock clock, TokenIssuer tokens, ProviderSimulators simulators,
            DailyRun daily) {
        this.host = host;
        this.states = states;
        this.clock = clock;
        this.tokens = tokens;
        this.signIn = new DevelopmentSignIn(tokens);
        this.simulators = simulators;
        this.daily = daily;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/2015-03-31/functions/")) {
            invoke(exchange);
        } else if (signIn.handles(path)) {
            signIn.handle(exchange);
        } else if (path.startsWith("/_local/")) {
            control(exchange);
        } else {
            states.handle(exchange);
        }
    }

    private void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            byte[] payload;
            try (InputStream in = exchange.getRequestBody()) {
                payload = in.readAllBytes();
            }
            try {
                Lambdas.Invocation answer = host.invoke(parts[3], payload);
                if (answer.functionError() != null) {
                    exchange.getResponseHeaders().set("X-Amz-Function-Error", answer.functionError());
                }
                reply(exchange, 200, answer.payload());
            } catch (Lambdas.ServiceException e) {
                reply(exchange, 404, JSON.writeValueAsBytes(Map.of("Type", "User", "message", e.getMessage())));
            }
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readAllBytes();
                body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            }
            try {
                ObjectNode out = JSON.createObjectNode();
                if (path.equals("/_local/clock")) {
                    if (exchange.getRequestMethod().equals("POST")) {
                        Duration by = body.has("advance") ? Duration.parse(body.get("advance").asText())
                                : Duration.between(clock.now(), Instant.parse(body.path("to").asText()));
                        out.set("servicing", JSON.valueToTree(daily.advance(by)));
                    }
                    out.put("now", clock.now().toString());
                    out.put("businessDate", daily.today().toString());
                } else if (path.equals("/_local/token")) {
                    out.put("token", tokens.token(body.path("subject").asText(), body.path("role").asText("borrower"),
                            Duration.ofHours(12)));
                } else if (path.startsWith("/_local/scenarios/")) {
                    String name = path.substring("/_local/scenarios/".length());
                    simulators.scenario(name);
                    out.put("scenario", name);
                } else {
                    reply(exchange, 404, JSON.writeValueAsBytes(Map.of("message", "no control " + path)));
                    return;
                }
                reply(exchange, 200, JSON.writeValueAsBytes(out));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                reply(exchange, 400, JSON.writeValueAsBytes(Map.of("message", String.valueOf(e.getMessage()))));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
