package org.microloan.localstack.states;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microloan.workflow.DecisioningWorkflow;
import org.microloan.workflow.OriginationWorkflow;
import org.microloan.workflow.ProviderRejectedException;
import org.microloan.workflow.ProviderUnavailableException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The emulator driven as the functions and the API drive Step Functions: through the AWS SDK's
 * SfnClient, over HTTP. Lambdas are Java functions here; the local stack's Lambda host runs the real ones.
 */
class StepFunctionsConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final Map<String, Function<JsonNode, JsonNode>> functions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<JsonNode> dynamoCalls = new CopyOnWriteArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final LocalClock clock = new LocalClock(true, Optional.empty());
    private StepFunctions service;
    private HttpServer server;
    private SfnClient sfn;

    /** A function error, as a Lambda reports it. */
    static final class Failure extends RuntimeException {
        final String type;

        Failure(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    private void start() throws Exception {
        LambdaTasks lambdaTasks = new LambdaTasks((name, payload) -> {
            calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            Function<JsonNode, JsonNode> f = functions.get(name);
            if (f == null) {
                throw new Lambdas.ServiceException("Lambda.ResourceNotFoundException", "Function not found: " + name);
            }
            try {
                try {
                    return new Lambdas.Invocation(JSON.writeValueAsBytes(f.apply(JSON.readTree(payload))), null);
                } catch (Failure e) {
                    return new Lambdas.Invocation(JSON.writeValueAsBytes(Map.of("errorType", e.type, "errorMessage",
                            e.getMessage())), "Unhandled");
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        service = new StepFunctions(Optional.of(data), (resource, parameters) -> {
            if (resource.contains(":dynamodb:")) {
                // a wait's write keeps the token beside the status; the others record an outcome
                JsonNode tokenName = parameters.at("/ExpressionAttributeNames/#token");
                if (tokenName.isMissingNode()) {
                    dynamoCalls.add(parameters);
                } else {
                    tokens.put(tokenName.asText().replace("Token", ""),
                            json(parameters.at("/ExpressionAttributeValues/:token/S").asText()).path("taskToken").asText());
                }
                return JsonNodeFactory.instance.objectNode();
            }
            return lambdaTasks.run(resource, parameters);
        }, clock);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", new StepFunctionsApi(service));
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        sfn = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    private void restart() throws Exception {
        stop();
        start();
    }

    @AfterEach
    void stop() {
        if (sfn != null) {
            sfn.close();
            server.stop(0);
            service.close();
        }
    }

    /** The origination machine and its Express sprint, the functions named by their step. */
    private String origination() {
        String sprintText = DecisioningWorkflow.definition();
        for (String name : DecisioningWorkflow.SUBSTITUTIONS) {
            sprintText = sprintText.replace("${" + name + "}", name.replace("FunctionArn", ""));
        }
        String sprintDefinition = sprintText;
        String sprint = sfn.createStateMachine(b -> b.name("decisioning").definition(sprintDefinition)
                .type(StateMachineType.EXPRESS).roleArn("arn:aws:iam::000000000000:role/x")).stateMachineArn();
        String text = OriginationWorkflow.definition().replace("${DecisioningStateMachineArn}", sprint);
        for (String name : OriginationWorkflow.SUBSTITUTIONS) {
            text = text.replace("${" + name + "}", name.equals("ApplicationsTable") ? "origination"
                    : name.replace("FunctionArn", ""));
        }
        String definition = text;
        return sfn.createStateMachine(b -> b.name("origination").definition(definition)
                .roleArn("arn:aws:iam::000000000000:role/x")).stateMachineArn();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode object(String text) {
        return json(text);
    }

    private DescribeExecutionResponse until(String arn, ExecutionStatus status) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(arn));
            if (d.status() == status) {
                return d;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(arn + " never became " + status + ": " + sfn.describeExecution(b -> b.executionArn(arn)));
    }

    private String awaitToken(String key) throws InterruptedException {
        for (int i = 0; i < 200 && !tokens.containsKey(key); i++) {
            Thread.sleep(25);
        }
        assertThat(tokens).containsKey(key);
        return tokens.remove(key);
    }

    private List<String> enteredStates(String arn) {
        return sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn)).events().stream()
                .filter(e -> e.stateEnteredEventDetails() != null).map(e -> e.stateEnteredEventDetails().name()).toList();
    }

    private void happyFunctions() {
        functions.put("Apply", in -> object("{\"status\":\"APPLIED\"}"));
        functions.put("VerifyIdentity", in -> object("{\"status\":\"IDENTITY_VERIFIED\"}"));
        functions.put("Score", in -> object("{\"outcome\":\"APPROVE\"}"));
        functions.put("QuoteRate", in -> object("{\"apr\":\"0.1585\"}"));
        functions.put("Disburse", in -> object("{\"payoutId\":\"po-1\"}"));
    }

    @Test
    void theOriginationDefinition_runsToDisbursed_whenTheBorrowerAccepts() throws Exception {
        start();
        happyFunctions();
        String machine = origination();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("app-1")
                .input("{\"applicationId\":\"app-1\",\"requestId\":\"req-1\"}")).executionArn();

        String token = awaitToken("acceptance");
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"accepted\":true}"));

        DescribeExecutionResponse done = until(arn, ExecutionStatus.SUCCEEDED);
        JsonNode output = json(done.output());
        assertThat(output.at("/payout/result/payoutId").asText()).isEqualTo("po-1");
        assertThat(output.at("/sprint/result/outcome").asText()).isEqualTo("QUOTED");
        assertThat(output.at("/acceptance/accepted").asBoolean()).isTrue();
        // apply, verify, score and quote ran inside the Express sprint, one Task state of this history
        assertThat(enteredStates(arn)).containsExactly("Resume", "Decisioning", "SprintOutcome",
                "AwaitAcceptance", "AcceptanceOutcome", "Disburse", "Disbursed");
        assertThat(calls.keySet()).contains("Apply", "VerifyIdentity", "Score", "QuoteRate", "Disburse");
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.SUCCEEDED))
                .executions()).extracting(e -> e.name()).contains("app-1");
    }

    @Test
    void aTransientFailure_isRetriedWithBackoff_untilItPassesOrTheRetriesRunOut() throws Exception {
        start();
        happyFunctions();
        AtomicInteger verify = new AtomicInteger();
        functions.put("VerifyIdentity", in -> {
            if (verify.incrementAndGet() <= 2) {
                throw new Failure(ProviderUnavailableException.class.getName(), "kyc unavailable: no answer");
            }
            return object("{\"status\":\"IDENTITY_VERIFIED\"}");
        });
        functions.put("Score", in -> {
            throw new Failure(ProviderUnavailableException.class.getName(), "bureau down");
        });
        String machine = origination();
        Instant before = clock.now();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("app-2").input("{\"applicationId\":\"app-2\"}"))
                .executionArn();

        DescribeExecutionResponse failed = until(arn, ExecutionStatus.FAILED);
        assertThat(verify.get()).isEqualTo(3);
        assertThat(calls.get("Score").get()).as("first try and 3 retries").isEqualTo(4);
        assertThat(failed.error()).isEqualTo("OriginationFailed");
        assertThat(enteredStates(arn)).endsWith("Decisioning", "SprintOutcome", "SprintFailed", "RecordFailure", "Failed");
        assertThat(dynamoCalls).hasSize(1);
        JsonNode update = dynamoCalls.get(0);
        assertThat(update.at("/Key/pk/S").asText()).isEqualTo("APP#app-2");
        assertThat(update.at("/ExpressionAttributeValues/:status/S").asText()).isEqualTo("FAILED");
        assertThat(json(update.at("/ExpressionAttributeValues/:failure/S").asText()).path("Cause").asText())
                .contains("bureau down");
        assertThat(json(update.at("/ExpressionAttributeValues/:failure/S").asText()).path("Error").asText())
                .isEqualTo(ProviderUnavailableException.class.getName());
        // the retries happened inside the sprint: the Standard history shows the sprint, its log each try, no payload
        assertThat(sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn)).events().stream()
                .filter(e -> e.type() == HistoryEventType.TASK_FAILED)).isEmpty();
        List<JsonNode> tries = service.expressLog().stream().filter(e -> e.path("type").asText().equals("TaskFailed"))
                .map(JsonNode.class::cast).toList();
        assertThat(tries).hasSize(6);
        assertThat(tries.get(0).at("/taskFailedEventDetails/error").asText())
                .isEqualTo(ProviderUnavailableException.class.getName());
        assertThat(service.expressLog().toString()).doesNotContain("\"input\"", "\"output\"", "\"parameters\"");
        // the waits were waited on the clock: jittered, but never more than the Retry allows
        assertThat(Duration.between(before, clock.now())).isLessThan(Duration.ofSeconds(2 + 4 + 2 + 4 + 8 + 1));
    }

    @Test
    void aPermanentRefusal_isNotRetried_butRecordedAtOnce() throws Exception {
        start();
        happyFunctions();
        functions.put("VerifyIdentity", in -> {
            throw new Failure(ProviderRejectedException.class.getName(), "kyc refused the request with HTTP 400");
        });
        String machine = origination();
        Instant before = clock.now();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("app-4xx").input("{\"applicationId\":\"app-4xx\"}"))
                .executionArn();

        until(arn, ExecutionStatus.FAILED);
        assertThat(calls.get("VerifyIdentity").get()).as("tried once, never again").isEqualTo(1);
        assertThat(enteredStates(arn)).endsWith("SprintFailed", "RecordFailure", "Failed");
        assertThat(json(dynamoCalls.get(0).at("/ExpressionAttributeValues/:failure/S").asText()).path("Error").asText())
                .isEqualTo(ProviderRejectedException.class.getName());
        assertThat(Duration.between(before, clock.now())).as("no backoff waited").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aReplayFromScore_entersTheSprintAtScore_andTheExpressSprintKeepsNoExecutionToList() throws Exception {
        start();
        happyFunctions();
        functions.put("Score", in -> object("{\"outcome\":\"REVIEW\"}"));
        String machine = origination();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("app-r-replay-3")
                .input("{\"applicationId\":\"app-r\",\"resumeFrom\":\"Score\"}")).executionArn();

        String token = awaitToken("review");
        assertThat(calls).as("the steps before Score are not run again").doesNotContainKeys("Apply", "VerifyIdentity");
        assertThat(enteredStates(arn)).containsExactly("Resume", "ResumeAt", "Decisioning", "SprintOutcome", "ManualReview");
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
        awaitToken("acceptance");
        assertThat(calls.get("QuoteRate").get()).as("quoted after the review, by the Standard workflow").isEqualTo(1);

        String sprint = sfn.listStateMachines().stateMachines().stream().filter(m -> m.name().equals("decisioning"))
                .findFirst().orElseThrow().stateMachineArn();
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(sprint)).type()).isEqualTo(StateMachineType.EXPRESS);
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(sprint)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
    }

    @Test
    void aRetriedTask_seesHowManyTimesItWasRetried() throws Exception {
        start();
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        functions.put("flaky", in -> {
            seen.add(in.path("retry").asInt());
            if (seen.size() < 3) {
                throw new Failure(ProviderUnavailableException.class.getName(), "not yet");
            }
            return object("{}");
        });
        String definition = """
                {"StartAt": "Try", "States": {"Try": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Parameters": {"FunctionName": "flaky", "Payload": {"retry.$": "$$.State.RetryCount"}},
                  "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 3}], "End": true}}}""";
        String machine = sfn.createStateMachine(b -> b.name("flaky").definition(definition)
                .roleArn("arn:aws:iam::000000000000:role/x")).stateMachineArn();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();

        until(arn, ExecutionStatus.SUCCEEDED);
        assertThat(seen).containsExactly(0, 1, 2);
    }

    @Test
    void paths_intrinsics_choice_wait_parallel_andMap_giveWhatTheLanguageSays() throws Exception {
        start();
        functions.put("double", in -> JsonNodeFactory.instance.numberNode(in.path("n").asInt() * 2));
        String definition = """
                {"StartAt": "Shape", "States": {
                  "Shape": {"Type": "Pass", "Parameters": {"id.$": "States.Format('APP#{}', $.id)", "items.$": "$.items",
                      "count.$": "States.ArrayLength($.items)", "raw.$": "States.JsonToString($.meta)",
                      "name.$": "$$.Execution.Name"}, "ResultPath": "$.shaped", "Next": "Big?"},
                  "Big?": {"Type": "Choice", "Choices": [
                      {"And": [{"Variable": "$.shaped.count", "NumericGreaterThan": 2},
                               {"Not": {"Variable": "$.meta.flag", "BooleanEquals": false}}], "Next": "Pause"}],
                    "Default": "Small"},
                  "Small": {"Type": "Fail", "Error": "TooSmall", "Cause": "fewer than three items"},
                  "Pause": {"Type": "Wait", "Seconds": 3600, "Next": "Both"},
                  "Both": {"Type": "Parallel", "ResultPath": "$.both", "Next": "Each", "Branches": [
                      {"StartAt": "One", "States": {"One": {"Type": "Pass", "Result": 1, "End": true}}},
                      {"StartAt": "Two", "States": {"Two": {"Type": "Pass", "InputPath": "$.shaped.id", "End": true}}}]},
                  "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
                    "ItemSelector": {"n.$": "$$.Map.Item.Value", "at.$": "$$.Map.Item.Index"},
                    "ItemProcessor": {"StartAt": "Double", "States": {
                      "Double": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "double", "Payload.$": "$"}, "OutputPath": "$.Payload", "End": true}}},
                    "ResultPath": "$.doubled", "OutputPath": "$", "Next": "Done"},
                  "Done": {"Type": "Succeed", "OutputPath": "$['shaped','both','doubled']"}
                }}""";
        String machine = sfn.createStateMachine(b -> b.name("language").definition(definition).roleArn("arn:aws:iam::0:role/x"))
                .stateMachineArn();
        Instant before = clock.now();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("lang-1")
                .input("{\"id\":\"42\",\"items\":[1,2,3],\"meta\":{\"flag\":true}}")).executionArn();
        JsonNode out = json(until(arn, ExecutionStatus.SUCCEEDED).output());

        assertThat(out.at("/shaped/id").asText()).isEqualTo("APP#42");
        assertThat(out.at("/shaped/count").asInt()).isEqualTo(3);
        assertThat(out.at("/shaped/raw").asText()).isEqualTo("{\"flag\":true}");
        assertThat(out.at("/shaped/name").asText()).isEqualTo("lang-1");
        assertThat(out.at("/both").toString()).isEqualTo("[1,\"APP#42\"]");
        assertThat(out.at("/doubled").toString()).isEqualTo("[2,4,6]");
        assertThat(Duration.between(before, clock.now())).isGreaterThanOrEqualTo(Duration.ofHours(1));

        String small = sfn.startExecution(b -> b.stateMachineArn(machine).name("lang-2")
                .input("{\"id\":\"7\",\"items\":[1],\"meta\":{\"flag\":true}}")).executionArn();
        DescribeExecutionResponse failed = until(small, ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("TooSmall");
        assertThat(failed.cause()).isEqualTo("fewer than three items");
    }

    @Test
    void anOfferNotAnsweredInThreeDays_timesOutToExpired() throws Exception {
        start();
        happyFunctions();
        String machine = origination();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("app-3").input("{\"applicationId\":\"app-3\"}"))
                .executionArn();
        awaitToken("acceptance");
        Thread.sleep(100);
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        until(arn, ExecutionStatus.SUCCEEDED);
        assertThat(enteredStates(arn)).endsWith("AwaitAcceptance", "RecordExpiry", "Expired");
        assertThat(sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn)).events().stream()
                .filter(e -> e.type() == HistoryEventType.TASK_TIMED_OUT).findFirst().orElseThrow()
                .taskTimedOutEventDetails().error()).isEqualTo("States.Timeout");
        assertThat(dynamoCalls.get(0).at("/ExpressionAttributeValues/:status/S").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void aFailureNothingCaught_isRedrivenFromTheStateThatFailed_withoutRunningEarlierStatesAgain() throws Exception {
        start();
        functions.put("first", in -> object("{\"step\":1}"));
        functions.put("second", in -> {
            throw new Failure("RailUnavailable", "the payment rail is down");
        });
        String definition = """
                {"StartAt": "First", "States": {
                  "First": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:first",
                    "ResultPath": "$.first", "Next": "Second"},
                  "Second": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:second",
                    "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 1, "IntervalSeconds": 1}],
                    "ResultPath": "$.second", "End": true}}}""";
        functions.put("arn:aws:lambda:us-east-1:000000000000:function:first", functions.get("first"));
        functions.put("arn:aws:lambda:us-east-1:000000000000:function:second", functions.get("second"));
        String machine = sfn.createStateMachine(b -> b.name("two").definition(definition).roleArn("arn:aws:iam::0:role/x"))
                .stateMachineArn();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("two-1").input("{\"n\":1}")).executionArn();
        DescribeExecutionResponse failed = until(arn, ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("RailUnavailable");
        assertThat(calls.get("arn:aws:lambda:us-east-1:000000000000:function:second").get()).isEqualTo(2);

        functions.put("arn:aws:lambda:us-east-1:000000000000:function:second", in -> object("{\"step\":2}"));
        sfn.redriveExecution(b -> b.executionArn(arn));
        DescribeExecutionResponse done = until(arn, ExecutionStatus.SUCCEEDED);
        assertThat(done.redriveCount()).isEqualTo(1);
        assertThat(json(done.output()).at("/first/step").asInt()).isEqualTo(1);
        assertThat(json(done.output()).at("/second/step").asInt()).isEqualTo(2);
        assertThat(calls.get("arn:aws:lambda:us-east-1:000000000000:function:first").get()).isEqualTo(1);
        assertThat(sfn.getExecutionHistoryPaginator(b -> b.executionArn(arn)).events().stream()
                .map(HistoryEvent::type)).contains(HistoryEventType.EXECUTION_REDRIVEN);
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionNotRedrivableException.class);
    }

    @Test
    void aRestart_losesNothing_andAWaitingExecutionGoesOn() throws Exception {
        start();
        happyFunctions();
        String machine = origination();
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name("app-4").input("{\"applicationId\":\"app-4\"}"))
                .executionArn();
        awaitToken("acceptance");
        int eventsBefore = sfn.getExecutionHistory(b -> b.executionArn(arn)).events().size();

        restart();
        happyFunctions();
        // the waiting state is entered again, and the function hands out a new token
        String token = awaitToken("acceptance");
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(arn)).events().size()).isGreaterThan(eventsBefore);
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"accepted\":true}"));
        until(arn, ExecutionStatus.SUCCEEDED);
        assertThat(Files.list(data.resolve("executions")).count()).isEqualTo(1);
    }

    @Test
    void theApiAnswersItsErrors_asTheSdkKnowsThem() throws Exception {
        start();
        happyFunctions();
        String machine = origination();
        sfn.startExecution(b -> b.stateMachineArn(machine).name("app-5").input("{\"applicationId\":\"app-5\"}"));
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine).name("app-5").input("{\"other\":1}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(
                "arn:aws:states:us-east-1:000000000000:execution:origination:nope")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("made-up").output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);

        for (int i = 0; i < 3; i++) {
            int n = i;
            sfn.startExecution(b -> b.stateMachineArn(machine).name("page-" + n).input("{\"applicationId\":\"p\"}"));
        }
        var first = sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2));
        assertThat(first.executions()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        var rest = sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2).nextToken(first.nextToken()));
        assertThat(rest.executions()).hasSize(2);

        String arn = "arn:aws:states:us-east-1:000000000000:execution:origination:app-5";
        sfn.stopExecution(b -> b.executionArn(arn).error("Ops").cause("stopped by hand"));
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.ABORTED);
        var history = sfn.getExecutionHistory(b -> b.executionArn(arn).includeExecutionData(false)).events();
        assertThat(history.get(0).executionStartedEventDetails().input()).isNull();
        assertThat(history.get(history.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThat(new String(Files.readAllBytes(Files.list(data.resolve("executions")).findFirst().orElseThrow()),
                StandardCharsets.UTF_8)).contains("executionArn");
    }

    @Test
    void aDefinitionStepFunctionsWouldRefuse_isRefusedWhenTheMachineIsCreated_sayingWhere() throws Exception {
        start();
        String missingTarget = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}";
        String noEnd = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}";
        String unknownType = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Jump\",\"End\":true}}}";
        String badCatch = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:"
                + "us-east-1:000000000000:function:x\",\"End\":true,\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],"
                + "\"Next\":\"Gone\"}]}}}";

        assertThatThrownBy(() -> create("missing", missingTarget)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("MISSING_TRANSITION_TARGET: Nowhere").hasMessageContaining("/States/A");
        assertThatThrownBy(() -> create("no-end", noEnd)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("MISSING_NEXT_OR_END");
        assertThatThrownBy(() -> create("unknown", unknownType)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("no state type 'Jump'");
        assertThatThrownBy(() -> create("catch", badCatch)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("MISSING_TRANSITION_TARGET: Gone");
        assertThat(sfn.listStateMachines().stateMachines()).as("nothing half-created").isEmpty();
    }

    private String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn("arn:aws:iam::0:role/x"))
                .stateMachineArn();
    }
}
