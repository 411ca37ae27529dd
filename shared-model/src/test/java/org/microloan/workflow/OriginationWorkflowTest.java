package org.microloan.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ASL file: well-formed, every state reachable, every Task guarded, nothing personal in a payload. */
class OriginationWorkflowTest {

    private static final Set<String> PERSONAL = Set.of("name", "fullname", "idnumber", "idcard", "phone", "mobile",
            "bankaccount", "accountnumber", "address");

    private static JsonNode definition;
    private static JsonNode states;

    @BeforeAll
    static void parse() throws Exception {
        definition = new ObjectMapper().readTree(OriginationWorkflow.definition());
        states = definition.get("States");
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
        assertThat(resume.get("Default").asText()).as("a new application starts at Apply").isEqualTo("Apply");
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        states.get("ResumeAt").get("Choices").forEach(c -> entries.put(c.get("StringEquals").asText(), c.get("Next").asText()));
        assertThat(entries).hasSize(ReplayPoint.values().length);
        for (ReplayPoint point : ReplayPoint.values()) {
            assertThat(entries.get(point.name())).as("replay from %s", point).isEqualTo(point.name());
            assertThat(states.get(point.name()).get("Type").asText()).isEqualTo("Task");
        }
        String unknown = states.get("ResumeAt").get("Default").asText();
        assertThat(states.get(unknown).get("Next").asText()).isEqualTo("RecordFailure");
    }

    @Test
    void everyTransitionNamesAState_andEveryStateIsReachable() {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(definition.get("StartAt").asText()));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            assertThat(states.has(name)).as("state %s exists", name).isTrue();
            if (seen.add(name)) {
                todo.addAll(nextStates(states.get(name)));
            }
        }
        List<String> all = new ArrayList<>();
        states.fieldNames().forEachRemaining(all::add);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void everyTaskRetriesWithBackoffAndJitter_andCatchesEverything() {
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
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
        Set<String> retried = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            state.getValue().path("Retry").forEach(r -> r.get("ErrorEquals").forEach(e -> {
                assertThat(transientNames).as("%s retries %s", state.getKey(), e.asText()).contains(e.asText());
                retried.add(e.asText());
            }));
        }
        assertThat(retried).as("every transient failure of ours is retried somewhere").containsAll(TransientFailures.OURS)
                .doesNotContain("States.ALL", "io.quarkus.funqy.runtime.ApplicationException",
                        UnknownApplicationException.class.getName(), ProviderRejectedException.class.getName(),
                        KeyReusedException.class.getName(), IllegalTransitionException.class.getName());
        // the names the steps throw are the class names the contract lists
        assertThat(TransientFailures.OURS).contains(ProviderUnavailableException.class.getName(),
                ConcurrentUpdateException.class.getName(), StoreUnavailableException.class.getName());
    }

    @Test
    void everySubstitutionIsAKnownFunctionOrTheTable() {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(OriginationWorkflow.definition());
        Set<String> used = new HashSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        assertThat(OriginationWorkflow.SUBSTITUTIONS).containsAll(used);
        assertThat(used).containsAll(OriginationWorkflow.SUBSTITUTIONS);
    }

    @Test
    void noPersonalFieldInAnyParameters() {
        List<String> keys = new ArrayList<>();
        states.forEach(state -> collectKeys(state.path("Parameters"), keys));
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
        states.get("Decision").path("Choices").forEach(c -> routes.add(c.path("StringEquals").asText() + "->" + c.path("Next").asText()));

        assertThat(routes).containsExactly("APPROVE->QuoteRate", "REVIEW->ManualReview", "DECLINE->Declined");
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
}
