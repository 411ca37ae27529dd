package org.microloan.localstack.states;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs one execution through its definition: each state's input and output processing, Task,
 * Choice, Wait, Pass, Succeed, Fail, Parallel and Map, Retry and Catch, task tokens, timeouts and
 * heartbeats, recording the history as Step Functions does.
 */
final class Run implements Runnable {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StepFunctions service;
    private final Execution execution;
    private final JsonNode definition;
    private final ExecutorService pool;
    private final LocalClock clock;
    volatile boolean stopped;

    Run(StepFunctions service, Execution execution, JsonNode definition, ExecutorService pool, LocalClock clock) {
        this.service = service;
        this.execution = execution;
        this.definition = definition;
        this.pool = pool;
        this.clock = clock;
    }

    /** What a state hands on: the next state's name (null at an end) and its output. */
    private record Step(String next, JsonNode output) {
    }

    @Override
    public void run() {
        try {
            JsonNode output = states(definition, execution.state, execution.stateInput, true);
            if (!stopped) {
                service.finish(execution, "SUCCEEDED", output, null);
            }
        } catch (StatesError e) {
            if (!stopped) {
                service.finish(execution, "FAILED", null, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopped) {
                service.finish(execution, "FAILED", null, StatesError.runtime(String.valueOf(e)));
            }
        }
    }

    /** Runs a state machine (the execution's, a Parallel branch, a Map iteration) from {@code start}. */
    private JsonNode states(JsonNode machine, String start, JsonNode input, boolean top) throws InterruptedException {
        String current = start;
        JsonNode data = input;
        while (true) {
            if (stopped) {
                throw new StatesError("States.Aborted", "the execution was stopped");
            }
            JsonNode state = machine.path("States").get(current);
            if (state == null) {
                throw StatesError.runtime("no state named " + current);
            }
            if (top) {
                service.position(execution, current, data);
            }
            String type = state.path("Type").asText();
            String name = current;
            JsonNode in = data;
            Instant entered = clock.now();
            service.record(execution, type + "StateEntered", "stateEnteredEventDetails",
                    details("name", current, "input", data.toString()));
            JsonNode context = context(current, entered, null, 0);
            Step step = switch (type) {
                case "Pass" -> pass(state, data, context);
                case "Task" -> withRetries(state, in, retries -> task(name, state, in, entered, retries));
                case "Choice" -> choice(current, state, data, context);
                case "Wait" -> waitState(state, data, context);
                case "Succeed" -> new Step(null, Paths.select(state.get("OutputPath"), Paths.select(state.get("InputPath"),
                        data, context), context));
                case "Fail" -> throw fail(state, data, context);
                case "Parallel" -> withRetries(state, in, retries -> parallel(state, in, context(name, entered, null, retries)));
                case "Map" -> withRetries(state, in, retries -> map(state, in, context(name, entered, null, retries)));
                default -> throw StatesError.runtime("no state type " + type);
            };
            service.record(execution, type + "StateExited", "stateExitedEventDetails",
                    details("name", current, "output", step.output().toString()));
            if (step.next() == null) {
                return step.output();
            }
            current = step.next();
            data = step.output();
        }
    }

    private ObjectNode context(String state, Instant entered, String token, int retries) {
        ObjectNode context = NODES.objectNode();
        ObjectNode exec = context.putObject("Execution");
        exec.put("Id", execution.executionArn);
        exec.set("Input", StepFunctions.json(execution.input));
        exec.put("Name", execution.name);
        exec.put("RoleArn", StepFunctions.ROLE);
        exec.put("StartTime", execution.startDate.toString());
        exec.put("RedriveCount", execution.redriveCount);
        ObjectNode st = context.putObject("State");
        st.put("EnteredTime", entered.toString());
        st.put("Name", state);
        st.put("RetryCount", retries);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", execution.stateMachineArn);
        machine.put("Name", execution.stateMachineArn.substring(execution.stateMachineArn.lastIndexOf(':') + 1));
        if (token != null) {
            context.putObject("Task").put("Token", token);
        }
        return context;
    }

    private static Step next(JsonNode state, JsonNode output) {
        return new Step(state.path("End").asBoolean(false) ? null : state.path("Next").asText(null), output);
    }

    private Step pass(JsonNode state, JsonNode raw, JsonNode context) {
        JsonNode effective = Paths.select(state.get("InputPath"), raw, context);
        JsonNode result = state.has("Parameters") ? Paths.template(state.get("Parameters"), effective, context)
                : state.has("Result") ? state.get("Result").deepCopy() : effective;
        JsonNode merged = Paths.merge(raw, state.get("ResultPath"), result);
        return next(state, Paths.select(state.get("OutputPath"), merged, context));
    }

    private Step choice(String name, JsonNode state, JsonNode raw, JsonNode context) {
        JsonNode effective = Paths.select(state.get("InputPath"), raw, context);
        String next = Choices.next(state, effective, context);
        if (next == null) {
            throw new StatesError("States.NoChoiceMatched", "no choice rule matched and there is no Default in " + name);
        }
        return new Step(next, Paths.select(state.get("OutputPath"), effective, context));
    }

    private Step waitState(JsonNode state, JsonNode raw, JsonNode context) throws InterruptedException {
        JsonNode effective = Paths.select(state.get("InputPath"), raw, context);
        Instant until;
        if (state.has("Seconds")) {
            until = clock.now().plusSeconds(state.get("Seconds").asLong());
        } else if (state.has("SecondsPath")) {
            until = clock.now().plusSeconds(Paths.read(state.get("SecondsPath").asText(), effective, context).asLong());
        } else if (state.has("Timestamp")) {
            until = Instant.parse(state.get("Timestamp").asText());
        } else {
            until = Instant.parse(Paths.read(state.get("TimestampPath").asText(), effective, context).asText());
        }
        if (!clock.sleepUntil(until, () -> stopped)) {
            throw new StatesError("States.Aborted", "the execution was stopped");
        }
        return next(state, Paths.select(state.get("OutputPath"), effective, context));
    }

    private StatesError fail(JsonNode state, JsonNode raw, JsonNode context) {
        String error = state.has("ErrorPath") ? Paths.read(state.get("ErrorPath").asText(), raw, context).asText()
                : state.path("Error").asText(null);
        String cause = state.has("CausePath") ? Paths.read(state.get("CausePath").asText(), raw, context).asText()
                : state.path("Cause").asText(null);
        return new StatesError(error, cause);
    }

    @FunctionalInterface
    private interface Attempt {
        /** @param retries how many times the state was retried before this try: the context's RetryCount */
        Step run(int retries) throws InterruptedException;
    }

    /** Retry and Catch around a Task, Parallel or Map state. */
    private Step withRetries(JsonNode state, JsonNode raw, Attempt attempt)
            throws InterruptedException {
        int[] attempts = new int[state.path("Retry").size()];
        int retries = 0;
        while (true) {
            try {
                return attempt.run(retries);
            } catch (StatesError e) {
                if (stopped || e.error() != null && e.error().equals("States.Aborted")) {
                    throw e;
                }
                int i = 0;
                JsonNode retrier = null;
                for (JsonNode r : state.path("Retry")) {
                    if (matches(r.path("ErrorEquals"), e.error())) {
                        retrier = r;
                        break;
                    }
                    i++;
                }
                if (retrier != null && attempts[i] < retrier.path("MaxAttempts").asInt(3)) {
                    double delay = retrier.path("IntervalSeconds").asDouble(1)
                            * Math.pow(retrier.path("BackoffRate").asDouble(2.0), attempts[i]);
                    if (retrier.has("MaxDelaySeconds")) {
                        delay = Math.min(delay, retrier.get("MaxDelaySeconds").asDouble());
                    }
                    if ("FULL".equals(retrier.path("JitterStrategy").asText())) {
                        delay = ThreadLocalRandom.current().nextDouble(0, delay);
                    }
                    attempts[i]++;
                    retries++;
                    if (!clock.sleepUntil(clock.now().plusMillis((long) (delay * 1000)), () -> stopped)) {
                        throw new StatesError("States.Aborted", "the execution was stopped");
                    }
                    continue;
                }
                for (JsonNode catcher : state.path("Catch")) {
                    if (matches(catcher.path("ErrorEquals"), e.error())) {
                        ObjectNode error = NODES.objectNode();
                        error.put("Error", e.error());
                        error.put("Cause", e.cause());
                        return new Step(catcher.path("Next").asText(), Paths.merge(raw, catcher.get("ResultPath"), error));
                    }
                }
                throw e;
            }
        }
    }

    /** ErrorEquals: the name itself, States.TaskFailed for any task failure but a timeout, States.ALL for all but runtime errors. */
    static boolean matches(JsonNode errorEquals, String error) {
        for (JsonNode name : errorEquals) {
            String n = name.asText();
            if (n.equals(error)
                    || n.equals("States.ALL") && !"States.Runtime".equals(error) && !"States.DataLimitExceeded".equals(error)
                    || n.equals("States.TaskFailed") && error != null && !error.startsWith("States.")) {
                return true;
            }
        }
        return false;
    }

    private Step task(String name, JsonNode state, JsonNode raw, Instant entered, int retries) throws InterruptedException {
        String resource = state.path("Resource").asText();
        boolean waits = resource.endsWith(".waitForTaskToken");
        String base = waits ? resource.substring(0, resource.length() - ".waitForTaskToken".length()) : resource;
        String token = waits ? service.newToken(execution) : null;
        JsonNode context = context(name, entered, token, retries);
        JsonNode effective = Paths.select(state.get("InputPath"), raw, context);
        JsonNode parameters = state.has("Parameters") ? Paths.template(state.get("Parameters"), effective, context) : effective;
        String[] kind = kind(resource);
        Duration timeout = state.has("TimeoutSeconds") ? Duration.ofSeconds(state.get("TimeoutSeconds").asLong())
                : state.has("TimeoutSecondsPath") ? Duration.ofSeconds(Paths.read(state.get("TimeoutSecondsPath").asText(),
                effective, context).asLong()) : waits ? Duration.ofDays(365) : Duration.ofSeconds(99_999_999);
        Duration heartbeat = state.has("HeartbeatSeconds") ? Duration.ofSeconds(state.get("HeartbeatSeconds").asLong()) : null;
        ObjectNode scheduled = details("resourceType", kind[0], "resource", kind[1], "region", StepFunctions.REGION,
                "parameters", parameters.toString());
        scheduled.put("timeoutInSeconds", timeout.getSeconds());
        if (heartbeat != null) {
            scheduled.put("heartbeatInSeconds", heartbeat.getSeconds());
        }
        service.record(execution, "TaskScheduled", "taskScheduledEventDetails", scheduled);
        service.record(execution, "TaskStarted", "taskStartedEventDetails", details("resourceType", kind[0], "resource", kind[1]));
        Instant deadline = clock.now().plus(timeout);
        JsonNode result;
        try {
            Future<JsonNode> call = pool.submit(() -> service.resources().run(base, parameters));
            JsonNode invoked = await(call, deadline);
            if (waits) {
                service.record(execution, "TaskSubmitted", "taskSubmittedEventDetails",
                        details("resourceType", kind[0], "resource", kind[1], "output", invoked.toString()));
                result = service.awaitToken(execution, token, deadline, heartbeat, () -> stopped);
            } else {
                result = invoked;
            }
        } catch (StatesError e) {
            if ("States.Timeout".equals(e.error()) || "States.HeartbeatTimeout".equals(e.error())) {
                service.record(execution, "TaskTimedOut", "taskTimedOutEventDetails",
                        details("resourceType", kind[0], "resource", kind[1], "error", e.error(), "cause", e.cause()));
            } else if (!"States.Aborted".equals(e.error())) {
                service.record(execution, "TaskFailed", "taskFailedEventDetails",
                        details("resourceType", kind[0], "resource", kind[1], "error", e.error(), "cause", e.cause()));
            }
            throw e;
        } finally {
            if (token != null) {
                service.forgetToken(token);
            }
        }
        service.record(execution, "TaskSucceeded", "taskSucceededEventDetails",
                details("resourceType", kind[0], "resource", kind[1], "output", result.toString()));
        JsonNode selected = state.has("ResultSelector") ? Paths.template(state.get("ResultSelector"), result, context) : result;
        JsonNode merged = Paths.merge(raw, state.get("ResultPath"), selected);
        return next(state, Paths.select(state.get("OutputPath"), merged, context));
    }

    private JsonNode await(Future<JsonNode> call, Instant deadline) throws InterruptedException {
        while (true) {
            try {
                return call.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (stopped) {
                    call.cancel(true);
                    throw new StatesError("States.Aborted", "the execution was stopped");
                }
                if (!clock.now().isBefore(deadline)) {
                    call.cancel(true);
                    throw new StatesError("States.Timeout", "the task did not finish within its TimeoutSeconds");
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof StatesError error) {
                    throw error;
                }
                throw new StatesError("States.TaskFailed", String.valueOf(e.getCause()));
            }
        }
    }

    /** The history's resourceType and resource: lambda/invoke, dynamodb/updateItem, lambda/function-name. */
    private static String[] kind(String resource) {
        if (resource.startsWith("arn:aws:states:::")) {
            String rest = resource.substring("arn:aws:states:::".length());
            int colon = rest.indexOf(':');
            return new String[] {rest.substring(0, colon), rest.substring(colon + 1)};
        }
        return new String[] {"lambda", resource.substring(resource.lastIndexOf(':') + 1)};
    }

    private Step parallel(JsonNode state, JsonNode raw, JsonNode context) throws InterruptedException {
        JsonNode effective = Paths.select(state.get("InputPath"), raw, context);
        JsonNode input = state.has("Parameters") ? Paths.template(state.get("Parameters"), effective, context) : effective;
        List<CompletableFuture<JsonNode>> branches = new ArrayList<>();
        for (JsonNode branch : state.path("Branches")) {
            branches.add(branch(branch, input));
        }
        ArrayNode results = collect(branches);
        return afterBranches(state, raw, context, results);
    }

    private Step map(JsonNode state, JsonNode raw, JsonNode context) throws InterruptedException {
        JsonNode effective = Paths.select(state.get("InputPath"), raw, context);
        JsonNode items = state.has("ItemsPath") ? Paths.read(state.get("ItemsPath").asText(), effective, context) : effective;
        if (!items.isArray()) {
            throw StatesError.runtime("the Map state's items are not an array: " + items);
        }
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
        JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
        int concurrency = state.path("MaxConcurrency").asInt(0);
        List<CompletableFuture<JsonNode>> iterations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ObjectNode itemContext = ((ObjectNode) context.deepCopy());
            ObjectNode map = itemContext.putObject("Map");
            map.putObject("Item").put("Index", i).set("Value", items.get(i));
            JsonNode item = selector == null ? items.get(i) : Paths.template(selector, effective, itemContext);
            if (concurrency > 0 && iterations.size() >= concurrency) {
                // keep at most MaxConcurrency iterations running: wait for the oldest still running
                CompletableFuture.anyOf(iterations.stream().filter(f -> !f.isDone()).toArray(CompletableFuture[]::new))
                        .exceptionally(t -> null).join();
            }
            iterations.add(branch(processor, item));
        }
        return afterBranches(state, raw, context, collect(iterations));
    }

    private CompletableFuture<JsonNode> branch(JsonNode machine, JsonNode input) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return states(machine, machine.path("StartAt").asText(), input, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StatesError("States.Aborted", "interrupted");
            }
        }, pool);
    }

    private ArrayNode collect(List<CompletableFuture<JsonNode>> futures) throws InterruptedException {
        ArrayNode results = NODES.arrayNode();
        for (CompletableFuture<JsonNode> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof StatesError error) {
                    throw error;
                }
                throw StatesError.runtime(String.valueOf(e.getCause()));
            }
        }
        return results;
    }

    private Step afterBranches(JsonNode state, JsonNode raw, JsonNode context, ArrayNode results) {
        JsonNode selected = state.has("ResultSelector") ? Paths.template(state.get("ResultSelector"), results, context) : results;
        JsonNode merged = Paths.merge(raw, state.get("ResultPath"), selected);
        return next(state, Paths.select(state.get("OutputPath"), merged, context));
    }

    static ObjectNode details(String... pairs) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                node.put(pairs[i], pairs[i + 1]);
            }
        }
        return node;
    }
}
