package org.microloan.localstack.lambda;

import org.microloan.origination.store.OriginationTable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microloan.localstack.dynamodb.LocalDynamoDb;
import org.microloan.localstack.states.DynamoDbTasks;
import org.microloan.localstack.states.Lambdas;
import org.microloan.origination.crypto.AesGcmCipher;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.DynamoApplicationStore;
import org.microloan.product.ProductCatalogue;
import org.microloan.testing.Configured;
import org.microloan.testing.Forms;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The apply function's real artifact ({@code functions/apply/target/function.zip}) run by the host
 * behind the Lambda Runtime API, over DynamoDB Local: answers, errors, and a process that dies; and the
 * workflow's own DynamoDB writes (RecordFailure, RecordExpiry) against the same table.
 */
class LambdaHostTest {

    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static LocalDynamoDb dynamo;
    private static DynamoDbClient client;
    private static LambdaHost host;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        dynamo = LocalDynamoDb.start(0, Optional.empty(), client -> OriginationTable.createIfAbsent(client, "origination"));
        client = dynamo.client();

        Path zip = Path.of(System.getProperty("functions.dir", "../functions"), "apply", "target", "function.zip");
        assertThat(zip).as("build the functions first: mvn -B package -DskipTests").exists();
        host = new LambdaHost(work, Duration.ofSeconds(2));
        host.deploy(new LambdaHost.Function("apply", zip, "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                Map.of("TABLE_NAME", "origination", "MICROLOAN_ENCRYPTION_KEY", KEY,
                        "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString()), Duration.ofSeconds(60), 1024, 3));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
        client.close();
        dynamo.close();
    }

    private static String submitted() {
        String id = UUID.randomUUID().toString();
        new ApplicationIntake(new DynamoApplicationStore(client, "origination"), new AesGcmCipher(KEY), JSON,
                ProductCatalogue.bundled(), Configured.settings("origination")).submit(id, "b-" + id, Forms.emergency(), Instant.now());
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
        // the class name of what the step threw: the name the workflow's Retry and Catch match on
        assertThat(answer(unknown).path("errorType").asText()).isEqualTo("org.microloan.workflow.UnknownApplicationException");
        assertThat(answer(unknown).path("errorMessage").asText()).isEqualTo("no application nope");

        String log = Files.readString(work.resolve("logs").resolve("apply.log"));
        assertThat(log).contains("apply");
        // Lambda's own lines after each invocation, the first with the cold start's init
        assertThat(log).containsPattern("START RequestId: [-0-9a-f]{36} Version: \\$LATEST")
                .containsPattern("END RequestId: [-0-9a-f]{36}")
                .containsPattern("REPORT RequestId: [-0-9a-f]{36}\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\t"
                        + "Memory Size: 1024 MB\tMax Memory Used: [1-9]\\d* MB")
                .containsPattern("\tInit Duration: \\d+\\.00 ms");
        LambdaHost.Usage usage = host.usage().get("apply");
        assertThat(usage.invocations()).isGreaterThanOrEqualTo(2);
        assertThat(usage.coldStarts()).isGreaterThanOrEqualTo(1);
        assertThat(usage.gbSeconds()).isEqualTo(usage.billedMillis() / 1000.0 * 1024 / 1024, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void invocationsThatFindEverySandboxBusy_startMoreUpToTheConcurrency_andIdleOnesAreRetired() throws Exception {
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> submitted()).toList();
        // what the tests before left running settles to one (the host keeps the last)
        for (int i = 0; i < 200 && host.sandboxes().containsKey("apply") && host.sandboxes().get("apply").now() > 1; i++) {
            Thread.sleep(50);
        }
        int running = host.sandboxes().containsKey("apply") ? host.sandboxes().get("apply").now() : 0;
        long coldBefore = host.usage().containsKey("apply") ? host.usage().get("apply").coldStarts() : 0;
        ExecutorService clients = Executors.newFixedThreadPool(ids.size());
        List<Callable<Lambdas.Invocation>> burst = ids.stream().map(id -> (Callable<Lambdas.Invocation>) () -> host.invoke(
                "apply", JSON.writeValueAsBytes(Map.of("applicationId", id)))).toList();
        try {
            List<Future<Lambdas.Invocation>> answers = clients.invokeAll(burst);
            for (var answer : answers) {
                assertThat(answer(answer.get()).path("status").asText()).isEqualTo("APPLIED");
            }
            // the warm sandbox may answer the whole burst while the new ones start: a cold start is counted at a
            // sandbox's first answer, so more bursts (the applications answered already: recorded) reach them
            for (int again = 0; again < 10 && host.usage().get("apply").coldStarts() - coldBefore < 3L - running; again++) {
                for (var answer : clients.invokeAll(burst)) {
                    assertThat(answer(answer.get()).path("status").asText()).isEqualTo("APPLIED");
                }
            }
        } finally {
            clients.shutdownNow();
        }
        // the function's concurrency is 3: more sandboxes were started, never more than 3, each a cold start
        assertThat(host.sandboxes().get("apply").peak()).isEqualTo(3);
        // (a sandbox kept from before may itself be replaced: at most one cold start a sandbox)
        assertThat(host.usage().get("apply").coldStarts() - coldBefore).isBetween(3L - running, 3L);

        // idle for the host's idle time (2 s here), all but one are retired, and that one still answers
        for (int i = 0; i < 200 && host.sandboxes().get("apply").now() > 1; i++) {
            Thread.sleep(50);
        }
        assertThat(host.sandboxes().get("apply").now()).isEqualTo(1);
        assertThat(host.invoke("apply", JSON.writeValueAsBytes(Map.of("applicationId", submitted()))).functionError()).isNull();
    }

    @Test
    void aProcessThatDies_isStartedAgain_andTheNextInvocationIsServed() throws Exception {
        String id = submitted();
        // warm: the runtime is waiting on its next invocation when it is killed
        assertThat(host.invoke("apply", JSON.writeValueAsBytes(Map.of("applicationId", submitted()))).functionError()).isNull();
        ProcessHandle first = host.process("apply");
        first.destroyForcibly();
        first.onExit().get();
        Instant killedAt = Instant.now();
        // an invocation that reaches a process as it dies fails (Runtime.ExitError), as in Lambda: wait for the new one
        while (host.process("apply").pid() == first.pid()) {
            Thread.sleep(10);
        }

        Lambdas.Invocation applied = host.invoke("apply", JSON.writeValueAsBytes(Map.of("applicationId", id)));
        assertThat(applied.functionError()).as(new String(applied.payload(), StandardCharsets.UTF_8)).isNull();
        assertThat(answer(applied).path("status").asText()).isEqualTo("APPLIED");
        assertThat(host.process("apply").pid()).isNotEqualTo(first.pid());
        assertThat(Duration.between(killedAt, Instant.now())).as("served by the new process, not lost to the old poll")
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void anInvocationStillRunningAtTheTimeout_failsAsLambdaSays_withTheSandboxsThreadsInTheLog_andTheSandboxIsEnded()
            throws Exception {
        // a table that takes the request and never answers: the step waits on it past its 2 s timeout
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path zip = Path.of(System.getProperty("functions.dir", "../functions"), "apply", "target", "function.zip");
            host.deploy(new LambdaHost.Function("apply-stuck", zip,
                    "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest",
                    Map.of("TABLE_NAME", "origination", "MICROLOAN_ENCRYPTION_KEY", KEY,
                            "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + silent.getLocalPort()), Duration.ofSeconds(2), 512, 1));
            ProcessHandle sandbox = host.process("apply-stuck");

            Lambdas.Invocation stuck = host.invoke("apply-stuck", JSON.writeValueAsBytes(Map.of("applicationId", "a-1")));

            assertThat(stuck.functionError()).isEqualTo("Unhandled");
            assertThat(answer(stuck).path("errorType").asText()).isEqualTo("Sandbox.Timedout");
            assertThat(answer(stuck).path("errorMessage").asText()).endsWith("Error: Task timed out after 2.00 seconds");
            assertThat(sandbox.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("the sandbox is ended").isFalse();
            String log = Files.readString(work.resolve("logs").resolve("apply-stuck.log"));
            assertThat(log).contains("Task timed out after 2.00 seconds")
                    .containsPattern("REPORT RequestId: [-0-9a-f]{36}\tDuration: \\d+\\.\\d\\d ms.*\tStatus: timeout")
                    // where it waited: the handler's thread, in the SDK's call to the table
                    .contains("Full thread dump", "software.amazon.awssdk");
        }
    }

    @Test
    void theWorkflowsOwnDynamoDbWrites_reachTheTable_andTheirErrorsAreNamedAsStepFunctionsNamesThem() throws Exception {
        String id = submitted();
        DynamoDbTasks tasks = new DynamoDbTasks(dynamo.endpoint());
        JsonNode update = JSON.readTree("""
                {"TableName": "origination", "Key": {"pk": {"S": "APP#%s"}, "sk": {"S": "APPLICATION"}},
                 "UpdateExpression": "SET #status = :status, #failure = :failure",
                 "ExpressionAttributeNames": {"#status": "status", "#failure": "workflowFailure"},
                 "ExpressionAttributeValues": {":status": {"S": "FAILED"}, ":failure": {"S": "{\\"Error\\":\\"x\\"}"}}}
                """.formatted(id));
        tasks.run("arn:aws:states:::dynamodb:updateItem", update);
        assertThat(new DynamoApplicationStore(client, "origination").find(id).orElseThrow().status().name()).isEqualTo("FAILED");

        JsonNode conditional = JSON.readTree("""
                {"TableName": "origination", "Key": {"pk": {"S": "APP#%s"}, "sk": {"S": "APPLICATION"}},
                 "UpdateExpression": "SET #status = :status", "ConditionExpression": "attribute_not_exists(pk)",
                 "ExpressionAttributeNames": {"#status": "status"},
                 "ExpressionAttributeValues": {":status": {"S": "EXPIRED"}}}
                """.formatted(id));
        assertThatThrownBy(() -> tasks.run("arn:aws:states:::dynamodb:updateItem", conditional))
                .isInstanceOfSatisfying(org.microloan.localstack.states.StatesError.class,
                        e -> assertThat(e.error()).isEqualTo("DynamoDB.ConditionalCheckFailedException"));
    }
}
