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
import java.util.function.BooleanSupplier;

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
    private static final String NESTED = "arn:aws:states:::states:startExecution";

    private final StepFunctions service;
    private final Execution execution;
    private final Definition definition;
    private final ExecutorService pool;
    private final LocalClock clock;
    private final BooleanSupplier parentStopped;
    volatile boolean stopped;

    /** @param parentStopped whether the execution that started this one synchronously was stopped */
    Run(StepFunctions service, Execution execution, Definition definition, ExecutorService pool, LocalClock clock,
        BooleanSupplier parentStopped) {
        this.service = service;
        this.parentStopped = parentStopped;
        this.execution = execution;
        this.definition = definition;
        this.pool = pool;
        this.clock = clock;
    }

    private boolean halted() {
        return stopped || parentStopped.getAsBoolean();
    }

    /** What a state hands on: the next state's name (null at an end) and its output. */
    private record Step(String next, JsonNode output) {
    }

    @Override
    public void run() {
        try {
            JsonNode output = states(definition, execution.state, execution.stateInput, true);
            if (!halted()) {
                service.finish(execution, "SUCCEEDED", output, null);
            }
        } catch (StatesError e) {
            if (!halted()) {
                service.finish(execution, "FAILED", null, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!halted()) {
                service.finish(execution, "FAILED", null, StatesError.runtime(String.valueOf(e)));
            }
        }
    }

    /** Runs a state machine (the execution's, a Parallel branch, a Map iteration) from {@code start}. */
    private JsonNode states(Definition machine, String start, JsonNode input, boolean top) throws InterruptedException {
        String current = start;
        JsonNode data = input;
        while (true) {
            if (halted()) {
                throw new StatesError("States.Aborted", "the execution was stopped");
            }
            Definition.State state = machine.state(current);
            if (top) {
                service.position(execution, current, data);
            }
            String type = type(state);
            String name = current;
            JsonNode in = data;
            Instant entered = clock.now();
            service.record(execution, type + "StateEntered", "stateEnteredEventDetails",
                    details("name", current, "input", data.toString()));
            JsonNode context = context(current, entered, null, 0);
            Step step;
            if (state instanceof Definition.Pass pass) {
                step = pass(pass, data, context);
            } else if (state instanceof Definition.Task task) {
                step = withRetries(task, in, retries -> task(task, in, entered, retries));
            } else if (state instanceof Definition.Choice choice) {
                step = choice(choice, data, context);
            } else if (state instanceof Definition.Wait wait) {
                step = waitState(wait, data, context);
            } else if (state instanceof Definition.Succeed succeed) {
                step = new Step(null, Paths.select(succeed.io().outputPath(), Paths.select(succeed.io().inputPath(),
                        data, context), context));
            } else if (state instanceof Definition.Fail fail) {
                throw fail(fail, data, context);
            } else if (state instanceof Definition.Parallel parallel) {
                step = withRetries(parallel, in, retries -> parallel(parallel, in, context(name, entered, null, retries)));
            } else {
                Definition.MapState map = (Definition.MapState) state;
                step = withRetries(map, in, retries -> map(map, in, context(name, entered, null, retries)));
            }
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

    /** The history's name of a state's type: PassStateEntered, TaskStateExited... */
    private static String type(Definition.State state) {
        return state instanceof Definition.MapState ? "Map" : state.getClass().getSimpleName();
    }

    private Step pass(Definition.Pass state, JsonNode raw, JsonNode context) {
        JsonNode effective = Paths.select(state.io().inputPath(), raw, context);
        JsonNode result = state.io().parameters() != null ? Paths.template(state.io().parameters(), effective, context)
                : state.result() != null ? state.result().deepCopy() : effective;
        JsonNode merged = Paths.merge(raw, state.io().resultPath(), result);
        return new Step(state.next(), Paths.select(state.io().outputPath(), merged, context));
    }

    private Step choice(Definition.Choice state, JsonNode raw, JsonNode context) {
        JsonNode effective = Paths.select(state.io().inputPath(), raw, context);
        String next = Choices.next(state, effective, context);
        if (next == null) {
            throw new StatesError("States.NoChoiceMatched", "no choice rule matched and there is no Default in " + state.name());
        }
        return new Step(next, Paths.select(state.io().outputPath(), effective, context));
    }

    private Step waitState(Definition.Wait state, JsonNode raw, JsonNode context) throws InterruptedException {
        JsonNode effective = Paths.select(state.io().inputPath(), raw, context);
        Instant until;
        if (state.seconds().isPresent()) {
            until = clock.now().plusSeconds(state.seconds().getAsLong());
        } else if (state.secondsPath() != null) {
            until = clock.now().plusSeconds(Paths.read(state.secondsPath(), effective, context).asLong());
        } else if (state.timestamp() != null) {
            until = Instant.parse(state.timestamp());
        } else {
            until = Instant.parse(Paths.read(state.timestampPath(), effective, context).asText());
        }
        if (!clock.sleepUntil(until, this::halted)) {
            throw new StatesError("States.Aborted", "the execution was stopped");
        }
        return new Step(state.next(), Paths.select(state.io().outputPath(), effective, context));
    }

    private StatesError fail(Definition.Fail state, JsonNode raw, JsonNode context) {
        String error = state.errorPath() != null ? Paths.read(state.errorPath(), raw, context).asText() : state.error();
        String cause = state.causePath() != null ? Paths.read(state.causePath(), raw, context).asText() : state.cause();
        return new StatesError(error, cause);
    }

    @FunctionalInterface
    private interface Attempt {
        /** @param retries how many times the state was retried before this try: the context's RetryCount */
        Step run(int retries) throws InterruptedException;
    }

    /** Retry and Catch around a Task, Parallel or Map state. */
    private Step withRetries(Definition.Guarded state, JsonNode raw, Attempt attempt)
            throws InterruptedException {
        int[] attempts = new int[state.retry().size()];
        int retries = 0;
        while (true) {
            try {
                return attempt.run(retries);
            } catch (StatesError e) {
                if (halted() || e.error() != null && e.error().equals("States.Aborted")) {
                    throw e;
                }
                int i = 0;
                while (i < attempts.length && !Definition.matches(state.retry().get(i).errorEquals(), e.error())) {
                    i++;
                }
                Definition.Retrier retrier = i < attempts.length ? state.retry().get(i) : null;
                if (retrier != null && attempts[i] < retrier.maxAttempts()) {
                    double delay = retrier.delaySeconds(attempts[i]);
                    if (retrier.fullJitter()) {
                        delay = ThreadLocalRandom.current().nextDouble(0, delay);
                    }
                    attempts[i]++;
                    retries++;
                    service.retried(execution);
                    if (!clock.sleepUntil(clock.now().plusMillis((long) (delay * 1000)), this::halted)) {
                        throw new StatesError("States.Aborted", "the execution was stopped");
                    }
                    continue;
                }
                for (Definition.Catcher catcher : state.catches()) {
                    if (Definition.matches(catcher.errorEquals(), e.error())) {
                        ObjectNode error = NODES.objectNode();
                        error.put("Error", e.error());
                        error.put("Cause", e.cause());
                        return new Step(catcher.next(), Paths.merge(raw, catcher.resultPath(), error));
                    }
                }
                throw e;
            }
        }
    }

    private Step task(Definition.Task state, JsonNode raw, Instant entered, int retries) throws InterruptedException {
        boolean waits = state.waitsForToken();
        String token = waits ? service.newToken(execution) : null;
        JsonNode context = context(state.name(), entered, token, retries);
        JsonNode effective = Paths.select(state.io().inputPath(), raw, context);
        JsonNode parameters = state.io().parameters() != null ? Paths.template(state.io().parameters(), effective, context)
                : effective;
        String[] kind = kind(state.resource());
        Duration timeout = state.timeoutSeconds().isPresent() ? Duration.ofSeconds(state.timeoutSeconds().getAsLong())
                : state.timeoutSecondsPath() != null ? Duration.ofSeconds(Paths.read(state.timeoutSecondsPath(),
                effective, context).asLong()) : waits ? Duration.ofDays(365) : Duration.ofSeconds(99_999_999);
        Duration heartbeat = state.heartbeatSeconds().isPresent() ? Duration.ofSeconds(state.heartbeatSeconds().getAsLong())
                : null;
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
            Future<JsonNode> call = pool.submit(() -> state.called().startsWith(NESTED)
                    ? service.startNested(state.called(), parameters, this::halted)
                    : service.resources().run(state.called(), parameters));
            JsonNode invoked = await(call, deadline);
            if (waits) {
                service.record(execution, "TaskSubmitted", "taskSubmittedEventDetails",
                        details("resourceType", kind[0], "resource", kind[1], "output", invoked.toString()));
                result = service.awaitToken(execution, token, deadline, heartbeat, this::halted);
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
        return output(state.io(), state.next(), raw, result, context);
    }

    /** ResultSelector, ResultPath and OutputPath over a state's result. */
    private static Step output(Definition.Io io, String next, JsonNode raw, JsonNode result, JsonNode context) {
        JsonNode selected = io.resultSelector() != null ? Paths.template(io.resultSelector(), result, context) : result;
        JsonNode merged = Paths.merge(raw, io.resultPath(), selected);
        return new Step(next, Paths.select(io.outputPath(), merged, context));
    }

    private JsonNode await(Future<JsonNode> call, Instant deadline) throws InterruptedException {
        while (true) {
            try {
                return call.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (halted()) {
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

    private Step parallel(Definition.Parallel state, JsonNode raw, JsonNode context) throws InterruptedException {
        JsonNode effective = Paths.select(state.io().inputPath(), raw, context);
        JsonNode input = state.io().parameters() != null ? Paths.template(state.io().parameters(), effective, context)
                : effective;
        List<CompletableFuture<JsonNode>> branches = new ArrayList<>();
        for (Definition branch : state.branches()) {
            branches.add(branch(branch, input));
        }
        return output(state.io(), state.next(), raw, collect(branches), context);
    }

    private Step map(Definition.MapState state, JsonNode raw, JsonNode context) throws InterruptedException {
        JsonNode effective = Paths.select(state.io().inputPath(), raw, context);
        JsonNode items = state.itemsPath() != null ? Paths.read(state.itemsPath(), effective, context) : effective;
        if (!items.isArray()) {
            throw StatesError.runtime("the Map state's items are not an array: " + items);
        }
        Definition processor = state.processor();
        JsonNode selector = state.itemSelector();
        int concurrency = state.maxConcurrency();
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
        return output(state.io(), state.next(), raw, collect(iterations), context);
    }

    private CompletableFuture<JsonNode> branch(Definition machine, JsonNode input) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return states(machine, machine.startAt(), input, false);
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
