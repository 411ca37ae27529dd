package org.microloan.localstack.states;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.microloan.localstack.metering.Meter;

/**
 * The Step Functions service of the local stack: state machines, executions and their histories (kept
 * in a directory, so a restart resumes what was running), task tokens, and the calls the AWS API
 * has. Errors are {@link ApiException}s named as the API names them.
 */
public final class StepFunctions implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/local-stack";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** An API error: its {@code __type} and message. */
    public static final class ApiException extends RuntimeException {
        private final String type;

        public ApiException(String type, String message) {
            super(message);
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    /** @param type STANDARD (durable, kept on disk, billed by transition) or EXPRESS (in memory, at least once) */
    public record StateMachine(String stateMachineArn, String name, String definition, String roleArn, Instant creationDate,
                               String type) {
        public StateMachine {
            type = type == null ? STANDARD : type;
        }

        public boolean express() {
            return EXPRESS.equals(type);
        }
    }

    public static final String STANDARD = "STANDARD";
    public static final String EXPRESS = "EXPRESS";

    private record Waiter(String executionArn, CompletableFuture<JsonNode> answer, Instant[] heartbeat) {
    }

    private final Optional<Path> dir;
    private final Meter meter;
    private final TaskResources resources;
    private final LocalClock clock;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "states");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Waiter> tokens = new ConcurrentHashMap<>();
    private final Map<String, Definition> parsed = new ConcurrentHashMap<>();
    /** What CloudWatch Logs would hold of the Express executions (level ALL, no execution data): the latest events. */
    private final Deque<ObjectNode> expressLog = new ArrayDeque<>();
    private static final int EXPRESS_LOG_EVENTS = 10_000;
    private static final List<String> EXECUTION_DATA = List.of("input", "output", "parameters");

    /** @param dir where state machines and executions are kept, or empty to keep them in memory */
    public StepFunctions(Optional<Path> dir, TaskResources resources, LocalClock clock) {
        this(dir, resources, clock, new Meter());
    }

    /** @param meter counts the state transitions and Express durations AWS would bill */
    public StepFunctions(Optional<Path> dir, TaskResources resources, LocalClock clock, Meter meter) {
        this.meter = meter;
        this.dir = dir;
        this.resources = resources;
        this.clock = clock;
        dir.ifPresent(this::load);
    }

    TaskResources resources() {
        return resources;
    }

    // ---- state machines

    public synchronized StateMachine createStateMachine(String name, String definition, String roleArn, String type) {
        parse(definition);
        String kind = type == null ? STANDARD : type;
        if (!kind.equals(STANDARD) && !kind.equals(EXPRESS)) {
            throw new ApiException("ValidationException", "type must be STANDARD or EXPRESS, not " + type);
        }
        String arn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + name;
        StateMachine existing = machines.get(arn);
        if (existing != null) {
            if (existing.definition().equals(definition) && existing.type().equals(kind)) {
                return existing;
            }
            throw new ApiException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
        }
        StateMachine machine = new StateMachine(arn, name, definition, roleArn == null ? ROLE : roleArn, clock.now(), kind);
        machines.put(arn, machine);
        saveMachines();
        return machine;
    }

    public synchronized StateMachine updateStateMachine(String arn, String definition) {
        StateMachine machine = machine(arn);
        if (definition != null) {
            parse(definition);
            machine = new StateMachine(arn, machine.name(), definition, machine.roleArn(), machine.creationDate(),
                    machine.type());
            machines.put(arn, machine);
            saveMachines();
        }
        return machine;
    }

    public StateMachine machine(String arn) {
        StateMachine machine = arn == null ? null : machines.get(arn);
        if (machine == null) {
            throw new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    public List<StateMachine> machines() {
        return machines.values().stream().sorted(Comparator.comparing(StateMachine::name)).toList();
    }

    private static Definition parse(String definition) {
        try {
            return Definition.parse(JSON.readTree(definition));
        } catch (JsonProcessingException e) {
            throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: " + e.getOriginalMessage());
        } catch (Definition.InvalidDefinition e) {
            throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: " + e.getMessage());
        }
    }

    // ---- executions

    public Execution start(String stateMachineArn, String name, String input) {
        StateMachine machine = machine(stateMachineArn);
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        String body = input == null ? "{}" : input;
        json(body);
        if (machine.express()) {
            // at least once, nothing kept: Express has no history to read, only what it answers and logs
            Execution execution = express(machine, executionName, body);
            pool.submit(new Run(this, execution, definition(machine.definition()), pool, clock, () -> false));
            return execution;
        }
        String arn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + machine.name() + ":" + executionName;
        synchronized (this) {
            Execution existing = executions.get(arn);
            if (existing != null) {
                if (existing.running() && existing.input.equals(body)) {
                    return existing;
                }
                throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            Execution execution = started(machine, arn, executionName, body, false);
            executions.put(arn, execution);
            launch(execution);
            return execution;
        }
    }

    private void launch(Execution execution) {
        Run run = new Run(this, execution, definition(execution.definition), pool, clock, () -> false);
        runs.put(execution.executionArn, run);
        pool.submit(run);
    }

    private Execution express(StateMachine machine, String name, String input) {
        return started(machine, "arn:aws:states:" + REGION + ":" + ACCOUNT + ":express:" + machine.name() + ":" + name
                + ":" + UUID.randomUUID(), name, input, true);
    }

    /** A new execution at its start state, its ExecutionStarted event recorded. */
    private Execution started(StateMachine machine, String arn, String name, String input, boolean express) {
        Execution execution = new Execution();
        execution.express = express;
        execution.executionArn = arn;
        execution.name = name;
        execution.stateMachineArn = machine.stateMachineArn();
        execution.definition = machine.definition();
        execution.input = input;
        execution.status = "RUNNING";
        execution.startDate = clock.now();
        execution.state = definition(machine.definition()).startAt();
        execution.stateInput = json(input);
        record(execution, "ExecutionStarted", "executionStartedEventDetails", Run.details("input", input, "roleArn", ROLE));
        return execution;
    }

    /** A definition parsed once for all its executions. */
    private Definition definition(String text) {
        return parsed.computeIfAbsent(text, StepFunctions::parse);
    }

    /**
     * The Step Functions integration of a Task ({@code arn:aws:states:::states:startExecution}, {@code .sync} and
     * {@code .sync:2}): starts the named machine with {@code Input} and, when synchronous, runs it to its end in
     * this thread (stopped with its parent) and answers DescribeExecution's fields, the output parsed under
     * {@code :2}. A child that did not succeed is {@code States.TaskFailed}, the description its cause.
     */
    JsonNode startNested(String resource, JsonNode parameters, BooleanSupplier parentStopped) {
        String integration = resource.substring(resource.indexOf("startExecution") + "startExecution".length());
        JsonNode in = parameters.path("Input");
        String input = in.isMissingNode() ? "{}" : in.isTextual() ? in.asText() : in.toString();
        StateMachine machine;
        try {
            machine = machine(parameters.path("StateMachineArn").asText(null));
        } catch (ApiException e) {
            throw new StatesError("StepFunctions." + e.type() + "Exception", e.getMessage());
        }
        String name = parameters.path("Name").asText(UUID.randomUUID().toString());
        if (integration.isEmpty()) {
            Execution started = start(machine.stateMachineArn(), name, input);
            return JsonNodeFactory.instance.objectNode().put("ExecutionArn", started.executionArn)
                    .put("StartDate", started.startDate.toString());
        }
        Execution child;
        Run run;
        if (machine.express()) {
            child = express(machine, name, input);
            run = new Run(this, child, definition(machine.definition()), pool, clock, parentStopped);
        } else {
            child = start(machine.stateMachineArn(), name, input);
            run = null;
        }
        if (run != null) {
            run.run();
        } else {
            awaitEnd(child, parentStopped);
        }
        boolean parsed = integration.equals(".sync:2");
        ObjectNode described = JsonNodeFactory.instance.objectNode();
        synchronized (child) {
            described.put("ExecutionArn", child.executionArn).put("StateMachineArn", child.stateMachineArn)
                    .put("Name", child.name).put("Status", child.status)
                    .put("StartDate", child.startDate.toString()).put("StopDate", String.valueOf(child.stopDate));
            described.set("Input", parsed ? json(child.input) : JsonNodeFactory.instance.textNode(child.input));
            if (child.output != null) {
                described.set("Output", parsed ? json(child.output) : JsonNodeFactory.instance.textNode(child.output));
            }
            if (child.error != null) {
                described.put("Error", child.error).put("Cause", child.cause);
            }
        }
        if (!"SUCCEEDED".equals(child.status)) {
            if (parentStopped.getAsBoolean()) {
                throw new StatesError("States.Aborted", "the execution was stopped");
            }
            throw new StatesError("States.TaskFailed", described.toString());
        }
        return described;
    }

    private void awaitEnd(Execution child, BooleanSupplier parentStopped) {
        while (child.running()) {
            if (parentStopped.getAsBoolean()) {
                stop(child.executionArn, "States.Aborted", "the parent execution was stopped");
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(child.executionArn, "States.Aborted", "interrupted");
                return;
            }
        }
    }

    public Execution execution(String arn) {
        if (arn == null || !arn.startsWith("arn:aws:states:")) {
            throw new ApiException("InvalidArn", "Invalid Arn: '" + arn + "'");
        }
        Execution execution = executions.get(arn);
        if (execution == null) {
            throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return execution;
    }

    /** The executions of a state machine, newest first, in a status or all. */
    public List<Execution> executions(String stateMachineArn, String status) {
        if (machine(stateMachineArn).express()) {
            throw new ApiException("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
        }
        return executions.values().stream().filter(e -> e.stateMachineArn.equals(stateMachineArn))
                .filter(e -> status == null || status.equals(e.status))
                .sorted(Comparator.comparing((Execution e) -> e.startDate).reversed().thenComparing(e -> e.name)).toList();
    }

    public Execution stop(String arn, String error, String cause) {
        Execution execution = execution(arn);
        synchronized (execution) {
            if (!execution.running()) {
                return execution;
            }
            Run run = runs.remove(arn);
            if (run != null) {
                run.stopped = true;
            }
            tokens.values().removeIf(w -> w.executionArn().equals(arn));
            execution.status = "ABORTED";
            execution.stopDate = clock.now();
            execution.error = error;
            execution.cause = cause;
            record(execution, "ExecutionAborted", "executionAbortedEventDetails", Run.details("error", error, "cause", cause));
        }
        clock.poke();
        return execution;
    }

    /** Continues a failed, aborted or timed-out execution from the state that did not succeed, with its input. */
    public Execution redrive(String arn) {
        Execution execution = execution(arn);
        synchronized (execution) {
            if (execution.running() || "SUCCEEDED".equals(execution.status)) {
                throw new ApiException("ExecutionNotRedrivable", "Execution is " + execution.status
                        + " and cannot be redriven: '" + arn + "'");
            }
            execution.status = "RUNNING";
            execution.redriveCount++;
            execution.redriveDate = clock.now();
            execution.stopDate = null;
            execution.error = null;
            execution.cause = null;
            record(execution, "ExecutionRedriven", "executionRedrivenEventDetails",
                    JsonNodeFactory.instance.objectNode().put("redriveCount", execution.redriveCount));
            launch(execution);
        }
        return execution;
    }

    // ---- task tokens

    String newToken(Execution execution) {
        String token = UUID.randomUUID() + "." + UUID.randomUUID();
        tokens.put(token, new Waiter(execution.executionArn, new CompletableFuture<>(), new Instant[] {clock.now()}));
        return token;
    }

    void forgetToken(String token) {
        tokens.remove(token);
    }

    JsonNode awaitToken(Execution execution, String token, Instant deadline, Duration heartbeat, BooleanSupplier stopped)
            throws InterruptedException {
        Waiter waiter = tokens.get(token);
        if (waiter == null) {
            throw new StatesError("States.Aborted", "the execution was stopped");
        }
        while (true) {
            try {
                return waiter.answer().get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (stopped.getAsBoolean()) {
                    throw new StatesError("States.Aborted", "the execution was stopped");
                }
                Instant now = clock.now();
                if (!now.isBefore(deadline)) {
                    throw new StatesError("States.Timeout", "the task was not answered within its TimeoutSeconds");
                }
                if (heartbeat != null && !now.isBefore(waiter.heartbeat()[0].plus(heartbeat))) {
                    throw new StatesError("States.HeartbeatTimeout", "no heartbeat within HeartbeatSeconds");
                }
            } catch (ExecutionException e) {
                throw (StatesError) e.getCause();
            }
        }
    }

    private Waiter waiter(String token) {
        Waiter waiter = token == null ? null : tokens.get(token);
        if (waiter == null) {
            throw new ApiException("TaskDoesNotExist", "Task Does Not Exist: the token is unknown or its task has ended");
        }
        return waiter;
    }

    public void sendTaskSuccess(String token, String output) {
        JsonNode parsed = json(output);
        if (!waiter(token).answer().complete(parsed)) {
            throw new ApiException("TaskTimedOut", "Task Timed Out: the task has already been answered");
        }
    }

    public void sendTaskFailure(String token, String error, String cause) {
        if (!waiter(token).answer().completeExceptionally(new StatesError(error, cause))) {
            throw new ApiException("TaskTimedOut", "Task Timed Out: the task has already been answered");
        }
    }

    public void sendTaskHeartbeat(String token) {
        waiter(token).heartbeat()[0] = clock.now();
    }

    // ---- what a run reports

    void position(Execution execution, String state, JsonNode input) {
        synchronized (execution) {
            execution.state = state;
            execution.stateInput = input;
        }
    }

    void record(Execution execution, String type, String detailsName, ObjectNode details) {
        execution.event(type, clock.now(), detailsName, details);
        if (!execution.express) {
            if (type.endsWith("StateEntered")) {
                meter.transition(machineName(execution));
            }
            save(execution);
        }
    }

    /** A retry is a state transition too, as Standard workflows are billed. */
    void retried(Execution execution) {
        if (!execution.express) {
            meter.transition(machineName(execution));
        }
    }

    private static String machineName(Execution execution) {
        return execution.stateMachineArn.substring(execution.stateMachineArn.lastIndexOf(':') + 1);
    }

    void finish(Execution execution, String status, JsonNode output, StatesError error) {
        synchronized (execution) {
            if (!execution.running()) {
                return;
            }
            runs.remove(execution.executionArn);
            execution.status = status;
            execution.stopDate = clock.now();
            if (error == null) {
                execution.output = output.toString();
                record(execution, "ExecutionSucceeded", "executionSucceededEventDetails",
                        Run.details("output", execution.output));
            } else {
                execution.error = error.error();
                execution.cause = error.cause();
                record(execution, "ExecutionFailed", "executionFailedEventDetails",
                        Run.details("error", error.error(), "cause", error.cause()));
            }
            if (execution.express) {
                meter.express(machineName(execution), execution.stopDate.toEpochMilli() - execution.startDate.toEpochMilli());
                log(execution);
            }
        }
    }

    /** An ended Express execution's events go to its log without their data, and it keeps no history. */
    private void log(Execution execution) {
        List<ObjectNode> events = execution.history();
        execution.events.clear();
        synchronized (expressLog) {
            for (ObjectNode event : events) {
                ObjectNode logged = event.deepCopy();
                logged.put("execution_arn", execution.executionArn);
                logged.properties().forEach(field -> {
                    if (field.getValue() instanceof ObjectNode details) {
                        details.remove(EXECUTION_DATA);
                    }
                });
                expressLog.addLast(logged);
                if (expressLog.size() > EXPRESS_LOG_EVENTS) {
                    expressLog.removeFirst();
                }
            }
        }
    }

    /** The latest events of ended Express executions, as their log group shows them. */
    public List<ObjectNode> expressLog() {
        synchronized (expressLog) {
            return List.copyOf(expressLog);
        }
    }

    // ---- keeping it on disk

    private void saveMachines() {
        dir.ifPresent(d -> write(d.resolve("state-machines.json"), machines.values()));
    }

    private void save(Execution execution) {
        dir.ifPresent(d -> {
            synchronized (execution) {
                write(d.resolve("executions").resolve(fileName(execution.executionArn)), execution);
            }
        });
    }

    private static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(value));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load(Path d) {
        try {
            Path file = d.resolve("state-machines.json");
            if (Files.exists(file)) {
                for (StateMachine m : JSON.readValue(file.toFile(), StateMachine[].class)) {
                    machines.put(m.stateMachineArn(), m);
                }
            }
            Path execs = d.resolve("executions");
            if (Files.isDirectory(execs)) {
                List<Execution> resumed = new ArrayList<>();
                try (var files = Files.list(execs)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                        Execution e = JSON.readValue(f.toFile(), Execution.class);
                        executions.put(e.executionArn, e);
                        if (e.running()) {
                            resumed.add(e);
                        }
                    }
                }
                // what was running when the stack stopped goes on from the state it was in
                resumed.forEach(this::launch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Step Functions data in " + d, e);
        }
    }

    private static String fileName(String arn) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(arn.getBytes(StandardCharsets.UTF_8))).substring(0, 32) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getOriginalMessage() + "'");
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    @Override
    public void close() {
        runs.values().forEach(r -> r.stopped = true);
        pool.shutdownNow();
    }
}
