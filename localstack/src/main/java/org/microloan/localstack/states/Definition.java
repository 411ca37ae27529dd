package org.microloan.localstack.states;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A state machine as the States Language defines it, read once when the machine is created: typed states
 * with their transitions, retriers and catchers. A definition that names a state it does not have, a
 * type there is none of, or a state with neither Next nor End is refused then, as Step Functions does.
 * Paths and templates stay JSON ({@code null} when absent, JSON null where the definition says null).
 */
record Definition(String startAt, Map<String, State> states) {

    /** @throws InvalidDefinition saying where the definition is wrong */
    static Definition parse(JsonNode machine) {
        Definition definition = read(machine, "");
        definition.check("");
        return definition;
    }

    State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw StatesError.runtime("no state named " + name);
        }
        return state;
    }

    /** A definition Step Functions would not accept. */
    static final class InvalidDefinition extends RuntimeException {
        InvalidDefinition(String problem, String where) {
            super("'" + problem + "' at " + (where.isEmpty() ? "/" : where));
        }
    }

    /** What every state that processes its data has: the paths and templates of its input and output. */
    record Io(JsonNode inputPath, JsonNode parameters, JsonNode resultSelector, JsonNode resultPath, JsonNode outputPath) {
    }

    /** How often, and how long apart, a state is retried after an error it names. */
    record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
                   OptionalDouble maxDelaySeconds, boolean fullJitter) {

        /** The wait before retry {@code attempt} (0 for the first), before any jitter. */
        double delaySeconds(int attempt) {
            double delay = intervalSeconds * Math.pow(backoffRate, attempt);
            return maxDelaySeconds.isPresent() ? Math.min(delay, maxDelaySeconds.getAsDouble()) : delay;
        }
    }

    /** Where a state goes on an error it names, with the error put at the result path. */
    record Catcher(List<String> errorEquals, String next, JsonNode resultPath) {
    }

    /** A state of the machine; {@code next} is null where the state ends the machine. */
    sealed interface State {
        String name();

        /** The states it can go to next. */
        default List<String> targets() {
            return List.of();
        }
    }

    /** A state that may go to another: its Next, or none at the End. */
    sealed interface Moving extends State {
        String next();

        @Override
        default List<String> targets() {
            return next() == null ? List.of() : List.of(next());
        }
    }

    /** A state whose errors can be retried and caught. */
    sealed interface Guarded extends Moving {
        List<Retrier> retry();

        List<Catcher> catches();

        @Override
        default List<String> targets() {
            List<String> targets = new ArrayList<>(Moving.super.targets());
            catches().forEach(c -> targets.add(c.next()));
            return targets;
        }
    }

    record Pass(String name, Io io, JsonNode result, String next) implements Moving {
    }

    /**
     * @param timeoutSeconds     empty when the state sets none (or sets it by path)
     * @param timeoutSecondsPath the input's path to the timeout, if the state takes it from there
     */
    record Task(String name, Io io, String resource, OptionalLong timeoutSeconds, String timeoutSecondsPath,
                OptionalLong heartbeatSeconds, List<Retrier> retry, List<Catcher> catches, String next) implements Guarded {

        boolean waitsForToken() {
            return resource.endsWith(".waitForTaskToken");
        }

        /** The resource called: without the .waitForTaskToken suffix. */
        String called() {
            return waitsForToken() ? resource.substring(0, resource.length() - ".waitForTaskToken".length()) : resource;
        }
    }

    /** @param rules the Choices, each a rule tree as {@link Choices} reads it */
    record Choice(String name, Io io, List<JsonNode> rules, String defaultNext) implements State {
        @Override
        public List<String> targets() {
            List<String> targets = new ArrayList<>(rules.stream().map(r -> r.path("Next").asText(null)).toList());
            Optional.ofNullable(defaultNext).ifPresent(targets::add);
            return targets;
        }
    }

    record Wait(String name, Io io, OptionalLong seconds, String secondsPath, String timestamp, String timestampPath,
                String next) implements Moving {
    }

    record Succeed(String name, Io io) implements State {
    }

    record Fail(String name, String error, String errorPath, String cause, String causePath) implements State {
    }

    record Parallel(String name, Io io, List<Definition> branches, List<Retrier> retry, List<Catcher> catches,
                    String next) implements Guarded {
    }

    /** @param maxConcurrency 0 for no limit */
    record MapState(String name, Io io, String itemsPath, Definition processor, JsonNode itemSelector,
                    int maxConcurrency, List<Retrier> retry, List<Catcher> catches, String next) implements Guarded {
    }

    /** ErrorEquals: the name itself, States.TaskFailed for any task failure but a timeout, States.ALL for all but runtime errors. */
    static boolean matches(List<String> errorEquals, String error) {
        for (String n : errorEquals) {
            if (n.equals(error)
                    || n.equals("States.ALL") && !"States.Runtime".equals(error) && !"States.DataLimitExceeded".equals(error)
                    || n.equals("States.TaskFailed") && error != null && !error.startsWith("States.")) {
                return true;
            }
        }
        return false;
    }

    private static Definition read(JsonNode machine, String where) {
        if (machine == null || !machine.path("StartAt").isTextual()) {
            throw new InvalidDefinition("MISSING_TRANSITION_TARGET or StartAt", where + "/StartAt");
        }
        if (!machine.path("States").isObject()) {
            throw new InvalidDefinition("SCHEMA_VALIDATION_FAILED: States is required", where + "/States");
        }
        Map<String, State> states = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = machine.get("States").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            states.put(entry.getKey(), state(entry.getKey(), entry.getValue(), where + "/States/" + entry.getKey()));
        }
        return new Definition(machine.get("StartAt").asText(), Map.copyOf(states));
    }

    /** Every transition names a state of this machine (branches and processors are checked on their own). */
    private void check(String where) {
        if (!states.containsKey(startAt)) {
            throw new InvalidDefinition("MISSING_TRANSITION_TARGET: " + startAt, where + "/StartAt");
        }
        for (State state : states.values()) {
            for (String target : state.targets()) {
                if (target == null || !states.containsKey(target)) {
                    throw new InvalidDefinition("MISSING_TRANSITION_TARGET: " + target, where + "/States/" + state.name());
                }
            }
            if (state instanceof Parallel p) {
                p.branches().forEach(b -> b.check(where + "/States/" + p.name() + "/Branches"));
            } else if (state instanceof MapState m) {
                m.processor().check(where + "/States/" + m.name() + "/ItemProcessor");
            }
        }
    }

    private static State state(String name, JsonNode s, String where) {
        Io io = new Io(s.get("InputPath"), s.get("Parameters"), s.get("ResultSelector"), s.get("ResultPath"),
                s.get("OutputPath"));
        String type = s.path("Type").asText();
        String next = s.path("End").asBoolean(false) ? null : s.path("Next").asText(null);
        if (next == null && !s.path("End").asBoolean(false) && List.of("Pass", "Task", "Wait", "Parallel", "Map").contains(type)) {
            throw new InvalidDefinition("MISSING_NEXT_OR_END", where);
        }
        return switch (type) {
            case "Pass" -> new Pass(name, io, s.get("Result"), next);
            case "Task" -> {
                if (!s.path("Resource").isTextual()) {
                    throw new InvalidDefinition("SCHEMA_VALIDATION_FAILED: Resource is required", where);
                }
                yield new Task(name, io, s.get("Resource").asText(), seconds(s, "TimeoutSeconds"),
                        s.path("TimeoutSecondsPath").asText(null), seconds(s, "HeartbeatSeconds"), retriers(s),
                        catchers(s), next);
            }
            case "Choice" -> {
                List<JsonNode> rules = new ArrayList<>();
                s.path("Choices").forEach(rules::add);
                if (rules.isEmpty()) {
                    throw new InvalidDefinition("SCHEMA_VALIDATION_FAILED: Choices must not be empty", where);
                }
                yield new Choice(name, io, rules, s.path("Default").asText(null));
            }
            case "Wait" -> new Wait(name, io, seconds(s, "Seconds"), s.path("SecondsPath").asText(null),
                    s.path("Timestamp").asText(null), s.path("TimestampPath").asText(null), next);
            case "Succeed" -> new Succeed(name, io);
            case "Fail" -> new Fail(name, s.path("Error").asText(null), s.path("ErrorPath").asText(null),
                    s.path("Cause").asText(null), s.path("CausePath").asText(null));
            case "Parallel" -> {
                List<Definition> branches = new ArrayList<>();
                int i = 0;
                for (JsonNode branch : s.path("Branches")) {
                    branches.add(read(branch, where + "/Branches[" + i++ + "]"));
                }
                yield new Parallel(name, io, branches, retriers(s), catchers(s), next);
            }
            case "Map" -> {
                JsonNode processor = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.get("Iterator");
                yield new MapState(name, io, s.path("ItemsPath").asText(null), read(processor, where + "/ItemProcessor"),
                        s.has("ItemSelector") ? s.get("ItemSelector") : s.get("Parameters"),
                        s.path("MaxConcurrency").asInt(0), retriers(s), catchers(s), next);
            }
            default -> throw new InvalidDefinition("SCHEMA_VALIDATION_FAILED: no state type '" + type + "'", where + "/Type");
        };
    }

    private static OptionalLong seconds(JsonNode s, String field) {
        return s.has(field) ? OptionalLong.of(s.get(field).asLong()) : OptionalLong.empty();
    }

    private static List<Retrier> retriers(JsonNode s) {
        List<Retrier> retry = new ArrayList<>();
        for (JsonNode r : s.path("Retry")) {
            retry.add(new Retrier(names(r), r.path("IntervalSeconds").asDouble(1), r.path("MaxAttempts").asInt(3),
                    r.path("BackoffRate").asDouble(2.0),
                    r.has("MaxDelaySeconds") ? OptionalDouble.of(r.get("MaxDelaySeconds").asDouble()) : OptionalDouble.empty(),
                    "FULL".equals(r.path("JitterStrategy").asText())));
        }
        return List.copyOf(retry);
    }

    private static List<Catcher> catchers(JsonNode s) {
        List<Catcher> catches = new ArrayList<>();
        for (JsonNode c : s.path("Catch")) {
            catches.add(new Catcher(names(c), c.path("Next").asText(null), c.get("ResultPath")));
        }
        return List.copyOf(catches);
    }

    private static List<String> names(JsonNode rule) {
        List<String> names = new ArrayList<>();
        rule.path("ErrorEquals").forEach(n -> names.add(n.asText()));
        return List.copyOf(names);
    }
}
