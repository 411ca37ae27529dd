package org.microloan.localstack.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microloan.localstack.states.Lambdas;
import org.microloan.product.ProductCatalogue;
import org.microloan.support.crypto.AesGcmCipher;
import org.microloan.support.intake.ApplicationIntake;
import org.microloan.support.store.DynamoApplicationStore;
import org.microloan.support.store.OriginationTable;
import org.microloan.support.testing.Forms;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The apply function's real artifact ({@code functions/apply/target/function.zip}) run by the host
 * behind the Lambda Runtime API, over DynamoDB Local: answers, errors, and a process that dies.
 */
class LambdaHostTest {

    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static DynamoDBProxyServer dynamo;
    private static DynamoDbClient client;
    private static LambdaHost host;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dynamo = ServerRunner.createServerFromCommandLineArgs(new String[] {"-inMemory", "-port", Integer.toString(port)});
        dynamo.start();
        client = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        OriginationTable.createIfAbsent(client, "origination");

        Path zip = Path.of(System.getProperty("functions.dir", "../functions"), "apply", "target", "function.zip");
        assertThat(zip).as("build the functions first: mvn -B package -DskipTests").exists();
        host = new LambdaHost(work);
        host.deploy(new LambdaHost.Function("apply", zip, "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest",
                Map.of("TABLE_NAME", "origination", "MICROLOAN_ENCRYPTION_KEY", KEY,
                        "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + port), Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
        client.close();
        dynamo.stop();
    }

    private static String submitted() {
        String id = UUID.randomUUID().toString();
        new ApplicationIntake(new DynamoApplicationStore(client, "origination"), new AesGcmCipher(KEY), JSON,
                ProductCatalogue.bundled()).submit(id, "b-" + id, Forms.emergency(), Instant.now());
        return id;
    }

    private static JsonNode answer(Lambdas.Invocation invocation) throws Exception {
        return JSON.readTree(new String(invocation.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void theFunctionsArtifact_answersThroughTheRuntimeApi_andReportsItsErrorsAsLambdaDoes() throws Exception {
        String id = submitted();
        Lambdas.Invocation applied = host.invoke("arn:aws:lambda:us-east-1:000000000000:function:apply",
                JSON.writeValueAsBytes(Map.of("applicationId", id)));
        assertThat(applied.functionError()).as(new String(applied.payload(), StandardCharsets.UTF_8)).isNull();
        assertThat(answer(applied).path("status").asText()).isEqualTo("APPLIED");

        Lambdas.Invocation unknown = host.invoke("apply", JSON.writeValueAsBytes(Map.of("applicationId", "nope")));
        assertThat(unknown.functionError()).isEqualTo("Unhandled");
        assertThat(answer(unknown).path("errorType").asText()).isEqualTo("io.quarkus.funqy.runtime.ApplicationException");

        assertThat(Files.readString(work.resolve("logs").resolve("apply.log"))).contains("apply");
    }

    @Test
    void aProcessThatDies_isStartedAgain_andTheNextInvocationIsServed() throws Exception {
        String id = submitted();
        ProcessHandle first = host.process("apply");
        first.destroyForcibly();
        first.onExit().get();

        Lambdas.Invocation applied = host.invoke("apply", JSON.writeValueAsBytes(Map.of("applicationId", id)));
        assertThat(applied.functionError()).as(new String(applied.payload(), StandardCharsets.UTF_8)).isNull();
        assertThat(answer(applied).path("status").asText()).isEqualTo("APPLIED");
        assertThat(host.process("apply").pid()).isNotEqualTo(first.pid());
    }
}
