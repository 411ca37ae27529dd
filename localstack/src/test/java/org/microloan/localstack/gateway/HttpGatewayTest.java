package org.microloan.localstack.gateway;

import org.microloan.origination.store.OriginationTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microloan.localstack.TokenIssuer;
import org.microloan.localstack.dynamodb.LocalDynamoDb;
import org.microloan.localstack.lambda.LambdaHost;
import org.microloan.localstack.postgres.LocalPostgres;

/**
 * The api function's own zip behind the gateway, over DynamoDB Local and PostgreSQL: HTTP in, API
 * Gateway payload 2.0 events to the function, its answers back out as HTTP.
 */
class HttpGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path work;

    private static LocalDynamoDb dynamo;
    private static LocalPostgres postgres;
    private static LambdaHost host;
    private static HttpServer server;
    private static TokenIssuer tokens;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        dynamo = LocalDynamoDb.start(0, Optional.empty(), client -> OriginationTable.createIfAbsent(client, "origination"));
        postgres = LocalPostgres.start(0, Optional.empty(), work);
        tokens = TokenIssuer.in(work.resolve("keys"));
        Path publicKey = tokens.publicKey();

        Path zip = Path.of(System.getProperty("functions.dir", "../functions"), "api", "target", "function.zip");
        assertThat(zip).as("build the functions first: mvn -B package -DskipTests").exists();
        host = new LambdaHost(work);
        host.deploy(new LambdaHost.Function("api", zip, "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                Map.of("TABLE_NAME", "origination", "MICROLOAN_ENCRYPTION_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                        "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString(), "DATABASE_URL", postgres.url(),
                        "DATABASE_USER", "postgres", "DATABASE_PASSWORD", "postgres",
                        "STATE_MACHINE_ARN", "arn:aws:states:us-east-1:000000000000:stateMachine:origination",
                        "JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString()), Duration.ofSeconds(60), 1536, 1));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", new HttpGateway(host, "api"));
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        host.close();
        postgres.close();
        dynamo.close();
    }

    private static String token(String subject, String group) {
        return tokens.token(subject, group, Duration.ofMinutes(10));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApisOwnArtifact_answersOverHttp_withItsContractItsErrorsAndTheBooks() throws Exception {
        HttpResponse<String> openapi = send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")));
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(openapi.body()).path("paths").has("/v1/applications")).isTrue();
        // a long answer the function framed itself comes with the gateway's own length, as API Gateway's does
        assertThat(openapi.headers().firstValue("transfer-encoding")).isEmpty();
        assertThat(openapi.headers().firstValueAsLong("content-length")).hasValue(openapi.body().getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length);
        HttpResponse<String> console = send(HttpRequest.newBuilder(base.resolve("/console/")));
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("text/html"));
        assertThat(console.body()).contains("console.js");

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(base.resolve("/v1/loans")).header("X-Request-Id", "req-9"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(anonymous.headers().firstValue("x-request-id")).contains("req-9");

        HttpResponse<String> loans = send(HttpRequest.newBuilder(base.resolve("/v1/loans"))
                .header("Authorization", "Bearer " + token("b-1", "borrower")));
        assertThat(loans.statusCode()).as(loans.body()).isEqualTo(200);
        assertThat(JSON.readTree(loans.body()).isArray()).isTrue();

        HttpResponse<String> bad = send(HttpRequest.newBuilder(base.resolve("/v1/applications"))
                .header("Authorization", "Bearer " + token("b-1", "borrower")).header("Content-Type", "application/json")
                .header("Idempotency-Key", "k-1").POST(HttpRequest.BodyPublishers.ofString("{\"productCode\": \"NOPE\"}")));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(bad.body());
        assertThat(problem.path("type").asText()).startsWith("https://microloan.dev/problems/");
        assertThat(problem.path("errors").size()).isPositive();
    }
}
