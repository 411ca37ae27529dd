package org.microloan.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ASL files (the Standard origination and its Express sprint): well-formed, every state reachable, every Task guarded, nothing personal in a payload. */
class OriginationWorkflowTest {

    private static final Set<String> PERSONAL = Set.of("name", "fullname", "idnumber", "idcard", "phone", "mobile",
            "bankaccount", "accountnumber", "address");

    private static JsonNode definition;
    private static JsonNode states;
    private static JsonNode sprint;

    @BeforeAll
    static void parse() throws Exception {
        definition = new ObjectMapper().readTree(OriginationWorkflow.definition());
        states = definition.get("States");
        sprint = new ObjectMapper().readTree(DecisioningWorkflow.definition()).get("States");
    }

    /** Both definitions' states: the Standard origination's and the Express sprint's. */
    private static Map<String, JsonNode> allStates() {
        Map<String, JsonNode> all = new java.util.LinkedHashMap<>();
        states.fields().forEachRemaining(f -> all.put("origination " + f.getKey(), f.getValue()));
        sprint.fields().forEachRemaining(f -> all.put("decisioning " + f.getKey(), f.getValue()));
        return all;
    }

    private static List<String> nextStates(JsonNode state) {
        List<String> next = new ArrayList<>();
        state.findValues("Next").forEach(n -> next.add(n.asText()));
        if (state.has("Default")) {
            next.add(state.get("Default").asText());
        }
        return next;
    }

    @Test
    void aReplayEntersAtTheStepItNames_andAnUnknownOneIsRecordedAsAFailure() {
        assertThat(definition.get("StartAt").asText()).isEqualTo("Resume");
        JsonNode resume = states.get("Resume");
        assertThat(resume.get("Choices").get(0).get("Variable").asText()).isEqualTo("$.resumeFrom");
        assertThat(resume.get("Default").asText()).as("a new application goes to the sprint").isEqualTo("Decisioning");
        assertThat(sprint.at("/StartAt/Choices/0/Not/IsPresent").asBoolean(false)).as("no resumeFrom").isTrue();
        assertThat(sprint.at("/StartAt/Choices/0/Next").asText()).as("which starts it at Apply").isEqualTo("Apply");
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        states.get("ResumeAt").get("Choices").forEach(c -> entries.put(c.get("StringEquals").asText(), c.get("Next").asText()));
        assertThat(entries).hasSize(ReplayPoint.values().length);
        Map<String, String> sprintEntries = new java.util.LinkedHashMap<>();
        sprint.get("StartAt").get("Choices").forEach(c -> {
            if (c.has("StringEquals")) {
                sprintEntries.put(c.get("StringEquals").asText(), c.get("Next").asText());
            }
        });
        for (ReplayPoint point : ReplayPoint.values()) {
            if (DecisioningWorkflow.ENTRIES.contains(point)) {
                // the sprint is entered with resumeFrom, and starts at that step
                assertThat(entries.get(point.name())).as("replay from %s", point).isEqualTo("Decisioning");
                assertThat(sprintEntries.get(point.name())).as("the sprint from %s", point).isEqualTo(point.name());
                assertThat(sprint.get(point.name()).get("Type").asText()).isEqualTo("Task");
            } else {
                assertThat(entries.get(point.name())).as("replay from %s", point).isEqualTo(point.name());
                assertThat(states.get(point.name()).get("Type").asText()).isEqualTo("Task");
            }
        }
        assertThat(sprintEntries).hasSize(DecisioningWorkflow.ENTRIES.size());
        assertThat(states.at("/Decisioning/Parameters/Input.$").asText()).as("resumeFrom goes with the input").isEqualTo("$");
        String unknown = states.get("ResumeAt").get("Default").asText();
        assertThat(states.get(unknown).get("Next").asText()).isEqualTo("RecordFailure");
        assertThat(sprint.get(sprint.get("StartAt").get("Default").asText()).get("Next").asText()).isEqualTo("Failure");
    }

    @Test
    void everyTransitionNamesAState_andEveryStateIsReachable() throws Exception {
        for (JsonNode machine : List.of(definition, new ObjectMapper().readTree(DecisioningWorkflow.definition()))) {
            JsonNode its = machine.get("States");
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(machine.get("StartAt").asText()));
            while (!todo.isEmpty()) {
                String name = todo.pop();
                assertThat(its.has(name)).as("state %s exists", name).isTrue();
                if (seen.add(name)) {
                    todo.addAll(nextStates(its.get(name)));
                }
            }
            List<String> all = new ArrayList<>();
            its.fieldNames().forEachRemaining(all::add);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void everyTaskRetriesWithBackoffAndJitter_andCatchesEverything() {
        for (Map.Entry<String, JsonNode> state : allStates().entrySet()) {
            if (!state.getValue().path("Type").asText().equals("Task")) {
                continue;
            }
            JsonNode retry = state.getValue().path("Retry");
            assertThat(retry.isArray() && retry.size() > 0).as("%s has Retry", state.getKey()).isTrue();
            retry.forEach(r -> {
                assertThat(r.path("BackoffRate").asDouble()).as("%s backs off", state.getKey()).isGreaterThan(1);
                assertThat(r.path("JitterStrategy").asText()).isEqualTo("FULL");
            });
            // a step that died holds its idempotency claim for at most the function's time-out (60 s here, 30 s
            // in AWS): the retries of a concurrent update wait longer than that, even with full jitter
            retry.forEach(r -> {
                if (r.path("ErrorEquals").toString().contains("ConcurrentUpdateException")) {
                    assertThat(r.path("MaxAttempts").asInt() * r.path("MaxDelaySeconds").asInt() / 2)
                            .as("%s waits out a claim", state.getKey()).isGreaterThan(120);
                }
            });
            List<String> caught = new ArrayList<>();
            state.getValue().path("Catch").forEach(c -> c.path("ErrorEquals").forEach(e -> caught.add(e.asText())));
            assertThat(caught).as("%s catches", state.getKey()).contains("States.ALL");
        }
    }

    @Test
    void retriesNameOnlyTransientFailures_soAPermanentRefusalIsRecordedAtOnce() {
        Set<String> transientNames = new HashSet<>(TransientFailures.OURS);
        transientNames.addAll(TransientFailures.LAMBDA);
        transientNames.addAll(TransientFailures.DYNAMODB);
        transientNames.addAll(TransientFailures.STEP_FUNCTIONS);
        Set<String> retried = new HashSet<>();
        for (Map.Entry<String, JsonNode> state : allStates().entrySet()) {
            state.getValue().path("Retry").forEach(r -> r.get("ErrorEquals").forEach(e -> {
                assertThat(transientNames).as("%s retries %s", state.getKey(), e.asText()).contains(e.asText());
                retried.add(e.asText());
            }));
        }
        assertThat(retried).as("every transient failure of ours is retried somewhere").containsAll(TransientFailures.OURS)
                .doesNotContain("States.ALL", "States.TaskFailed", "io.quarkus.funqy.runtime.ApplicationException",
                        UnknownApplicationException.class.getName(), ProviderRejectedException.class.getName(),
                        KeyReusedException.class.getName(), IllegalTransitionException.class.getName());
        // the names the steps throw are the class names the contract lists
        assertThat(TransientFailures.OURS).contains(ProviderUnavailableException.class.getName(),
                ConcurrentUpdateException.class.getName(), StoreUnavailableException.class.getName());
    }

    @Test
    void theSprintIsExpress_shortEnough_andEveryEndAnswersAnOutcomeTheStandardWorkflowRoutes() throws Exception {
        JsonNode express = new ObjectMapper().readTree(DecisioningWorkflow.definition());
        assertThat(express.path("TimeoutSeconds").asInt()).as("within Express' five minutes").isBetween(1, 300);
        Set<String> answered = new HashSet<>();
        sprint.forEach(state -> {
            if (state.path("End").asBoolean(false)) {
                assertThat(state.path("Type").asText()).isEqualTo("Pass");
                answered.add(state.at("/Parameters/outcome").asText());
            }
        });
        assertThat(answered).containsExactlyInAnyOrderElementsOf(DecisioningWorkflow.OUTCOMES);
        Map<String, String> routes = new java.util.LinkedHashMap<>();
        states.at("/SprintOutcome/Choices").forEach(c -> routes.put(c.path("StringEquals").asText(), c.path("Next").asText()));
        assertThat(routes).containsOnlyKeys(DecisioningWorkflow.OUTCOMES)
                .containsEntry("QUOTED", "AwaitAcceptance").containsEntry("REVIEW", "ManualReview")
                .containsEntry("DECLINED", "Declined");
        assertThat(states.get(routes.get("FAILED")).path("InputPath").asText()).isEqualTo("$.sprint.result.failure");
        assertThat(states.at("/Decisioning/Resource").asText()).isEqualTo("arn:aws:states:::states:startExecution.sync:2");
    }

    @Test
    void everySubstitutionIsKnown() {
        assertSubstitutions(OriginationWorkflow.definition(), OriginationWorkflow.SUBSTITUTIONS);
        assertSubstitutions(DecisioningWorkflow.definition(), DecisioningWorkflow.SUBSTITUTIONS);
    }

    private static void assertSubstitutions(String text, List<String> declared) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
        Set<String> used = new HashSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void noPersonalFieldInAnyParameters() {
        List<String> keys = new ArrayList<>();
        allStates().values().forEach(state -> collectKeys(state.path("Parameters"), keys));
        assertThat(keys).isNotEmpty();
        assertThat(keys).noneMatch(k -> PERSONAL.contains(k.replace(".$", "").toLowerCase()));
    }

    @Test
    void namedTerminalStates_andTheWaitsTimeOutToExpired() {
        for (String terminal : OriginationWorkflow.TERMINAL_STATES) {
            assertThat(states.get(terminal).path("Type").asText()).isIn("Succeed", "Fail");
        }
        for (String wait : List.of("ManualReview", "AwaitAcceptance")) {
            JsonNode state = states.get(wait);
            assertThat(state.path("Resource").asText()).endsWith(".waitForTaskToken");
            assertThat(state.path("TimeoutSeconds").asInt()).isPositive();
            assertThat(state.path("Parameters").path("ExpressionAttributeValues").path(":token").path("S.$").asText())
                    .contains("$$.Task.Token");
            assertThat(state.path("Catch").get(0).path("ErrorEquals").get(0).asText()).isEqualTo("States.Timeout");
        }
    }

    @Test
    void everyWriteOfTheDefinition_movesOnlyFromAStatusThatMayMoveThere_andMovesTheVersionOn() {
        Map<String, ApplicationStatus> writes = Map.of("ManualReview", ApplicationStatus.IN_REVIEW,
                "AwaitAcceptance", ApplicationStatus.QUOTED, "RecordExpiry", ApplicationStatus.EXPIRED,
                "RecordFailure", ApplicationStatus.FAILED);
        writes.forEach((name, to) -> {
            JsonNode parameters = states.get(name).path("Parameters");
            assertThat(parameters.path("UpdateExpression").asText()).as(name)
                    .contains("#status = :status", "#version = #version + :one");
            assertThat(parameters.path("ExpressionAttributeValues").path(":status").path("S").asText()).isEqualTo(to.name());
            Set<String> from = new HashSet<>();
            parameters.path("ExpressionAttributeValues").fields().forEachRemaining(v -> {
                if (v.getKey().startsWith(":from")) {
                    from.add(v.getValue().path("S").asText());
                }
            });
            Set<String> allowed = new HashSet<>();
            to.predecessors().forEach(p -> allowed.add(p.name()));
            if (to == ApplicationStatus.FAILED) {
                allowed.add("FAILED"); // a replay failing again records its new cause
            }
            assertThat(from).as("%s moves to %s from", name, to).isEqualTo(allowed);
            assertThat(parameters.path("ConditionExpression").asText()).startsWith("#status IN (");
        });
    }

    @Test
    void theDecisionRoutesEachOutcome() {
        List<String> routes = new ArrayList<>();
        sprint.get("Decision").path("Choices").forEach(c -> routes.add(c.path("StringEquals").asText() + "->" + c.path("Next").asText()));

        assertThat(routes).containsExactly("APPROVE->QuoteRate", "REVIEW->Referred", "DECLINE->Declined");
    }

    private static void collectKeys(JsonNode node, List<String> keys) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                keys.add(f.getKey());
                collectKeys(f.getValue(), keys);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        }
    }

    @Test
    void whereAnApplicationStands_isAStateOfTheDefinition_orTheStepItsResultsReach() {
        Set<Step<?>> scored = Set.of(Step.APPLY, Step.VERIFY_IDENTITY, Step.SCORE);

        assertThat(OriginationWorkflow.stateOf(ApplicationStatus.FAILED, Set.<Step<?>>of()::contains)).isEqualTo("Apply");
        assertThat(OriginationWorkflow.stateOf(ApplicationStatus.FAILED, Set.<Step<?>>of(Step.APPLY)::contains))
                .isEqualTo("VerifyIdentity");
        assertThat(OriginationWorkflow.stateOf(ApplicationStatus.FAILED, scored::contains)).isEqualTo("QuoteRate");
        assertThat(OriginationWorkflow.stateOf(ApplicationStatus.ACCEPTED, Set.<Step<?>>of(Step.APPLY, Step.VERIFY_IDENTITY,
                Step.SCORE, Step.QUOTE_RATE, Step.ACCEPTANCE)::contains)).isEqualTo("Disburse");
        for (ApplicationStatus status : ApplicationStatus.values()) {
            String state = OriginationWorkflow.stateOf(status, scored::contains);
            assertThat(states.has(state) || sprint.has(state)).as(status + " → " + state).isTrue();
        }
    }
}
