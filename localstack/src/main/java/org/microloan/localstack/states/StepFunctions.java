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
import java.util.ArrayList;
import java.util.Comparator;
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

    public record StateMachine(String stateMachineArn, String name, String definition, String roleArn, Instant creationDate) {
    }

    private record Waiter(String executionArn, CompletableFuture<JsonNode> answer, Instant[] heartbeat) {
    }

    private final Optional<Path> dir;
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

    /** @param dir where state machines and executions are kept, or empty to keep them in memory */
    public StepFunctions(Optional<Path> dir, TaskResources resources, LocalClock clock) {
        this.dir = dir;
        this.resources = resources;
        this.clock = clock;
        dir.ifPresent(this::load);
    }

    TaskResources resources() {
        return resources;
    }

    // ---- state machines

    public synchronized StateMachine createStateMachine(String name, String definition, String roleArn) {
        parse(definition);
        String arn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + name;
        StateMachine existing = machines.get(arn);
        if (existing != null) {
            if (existing.definition().equals(definition)) {
                return existing;
            }
            throw new ApiException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
        }
        StateMachine machine = new StateMachine(arn, name, definition, roleArn == null ? ROLE : roleArn, clock.now());
        machines.put(arn, machine);
        saveMachines();
        return machine;
    }

    public synchronized StateMachine updateStateMachine(String arn, String definition) {
        StateMachine machine = machine(arn);
        if (definition != null) {
            parse(definition);
            machine = new StateMachine(arn, machine.name(), definition, machine.roleArn(), machine.creationDate());
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
        String arn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + machine.name() + ":" + executionName;
        String body = input == null ? "{}" : input;
        json(body);
        synchronized (this) {
            Execution existing = executions.get(arn);
            if (existing != null) {
                if (existing.running() && existing.input.equals(body)) {
                    return existing;
                }
                throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            Execution execution = new Execution();
            execution.executionArn = arn;
            execution.name = executionName;
            execution.stateMachineArn = stateMachineArn;
            execution.definition = machine.definition();
            execution.input = body;
            execution.status = "RUNNING";
            execution.startDate = clock.now();
            execution.state = parse(machine.definition()).startAt();
            execution.stateInput = json(body);
            executions.put(arn, execution);
            ObjectNode started = Run.details("input", body, "roleArn", ROLE);
            record(execution, "ExecutionStarted", "executionStartedEventDetails", started);
            launch(execution);
            return execution;
        }
    }

    private void launch(Execution execution) {
        Run run = new Run(this, execution, parse(execution.definition), pool, clock);
        runs.put(execution.executionArn, run);
        pool.submit(run);
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
        machine(stateMachineArn);
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
        save(execution);
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
