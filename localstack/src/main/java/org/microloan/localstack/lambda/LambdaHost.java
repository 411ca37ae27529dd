package org.microloan.localstack.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.microloan.localstack.states.Lambdas;

/**
 * Runs each function's built artifact (the {@code function.zip} CDK deploys) as its own JVM, as Lambda's
 * Java runtime does, or, for a native build's zip, its {@code bootstrap} as a custom runtime does: AWS's runtime interface client polls this host's Runtime API
 * ({@code /2018-06-01/runtime/invocation/next}, {@code /response}, {@code /error}) and calls the handler.
 * A process that dies is started again; an invocation it was running fails as Lambda reports it
 * ({@code Runtime.ExitError}), one that runs past the function's timeout as {@code Sandbox.Timedout}. After
 * each invocation the host writes Lambda's {@code START}, {@code END} and {@code REPORT} lines into the
 * function's log (duration, billed duration, memory size, the process's peak memory, the init duration of a
 * cold start) and counts them ({@link #usage()}).
 */
public final class LambdaHost implements Lambdas, AutoCloseable {

    /** A function as deployed: its zip, handler, environment (what Lambda would give it), timeout and memory. */
    public record Function(String name, Path zip, String handler, Map<String, String> environment, Duration timeout,
                           int memoryMb) {
    }

    /**
     * What a function's REPORT lines add up to: invocations answered, their billed milliseconds and GB-seconds
     * (billed duration times the memory size, as Lambda bills it), cold starts and their init time.
     */
    public record Usage(long invocations, long billedMillis, double gbSeconds, long coldStarts, long initMillis) {
        Usage plus(long billed, int memoryMb, long init) {
            return new Usage(invocations + 1, billedMillis + billed, gbSeconds + billed / 1000.0 * memoryMb / 1024.0,
                    coldStarts + (init > 0 ? 1 : 0), initMillis + init);
        }
    }

    private final Path workDir;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private volatile boolean closing;

    public LambdaHost(Path workDir) {
        this.workDir = workDir;
    }

    public synchronized void deploy(Function function) {
        Slot old = slots.remove(function.name());
        if (old != null) {
            old.close();
        }
        Slot slot = new Slot(function);
        slots.put(function.name(), slot);
        slot.start();
    }

    @Override
    public Invocation invoke(String functionName, byte[] payload) {
        String name = functionName.substring(functionName.lastIndexOf(':') + 1);
        Slot slot = slots.get(name);
        if (slot == null) {
            throw new ServiceException("Lambda.ResourceNotFoundException", "Function not found: " + functionName);
        }
        return slot.invoke(payload);
    }

    /** Each function's usage since the host started, by name. */
    public Map<String, Usage> usage() {
        Map<String, Usage> all = new java.util.TreeMap<>();
        slots.forEach((name, slot) -> all.put(name, slot.usage));
        return all;
    }

    /** The process of a function, for whoever wants to see it die (tests, the demo). */
    public ProcessHandle process(String name) {
        return slots.get(name).process.toHandle();
    }

    @Override
    public void close() {
        closing = true;
        slots.values().forEach(Slot::close);
    }

    /** One run of a function's process: its Runtime API polls end with it. */
    private static final class Generation {
        volatile boolean alive = true;
    }

    private record Pending(String requestId, byte[] payload, CompletableFuture<Invocation> answer, long deadlineMillis) {
    }

    /** One function: its Runtime API, its process, the invocations waiting for it. */
    private final class Slot {
        private final Function function;
        private final BlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
        private final Map<String, Pending> running = new ConcurrentHashMap<>();
        private final HttpServer runtimeApi;
        private volatile Process process;
        private volatile Generation generation = new Generation();
        private volatile boolean closed;
        private volatile long startedAt;
        private final Map<String, Long> begun = new ConcurrentHashMap<>();
        /** When this process asked for its first invocation (its init ended), or 0 once reported. */
        private volatile long initEndedAt;
        private volatile Usage usage = new Usage(0, 0, 0, 0, 0);

        Slot(Function function) {
            this.function = function;
            try {
                runtimeApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            runtimeApi.createContext("/2018-06-01/runtime/", this::runtime);
            runtimeApi.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "runtime-api-" + function.name());
                t.setDaemon(true);
                return t;
            }));
            runtimeApi.start();
        }

        void start() {
            Path code = unpack().toAbsolutePath();
            startedAt = System.currentTimeMillis();
            Path bootstrap = code.resolve("bootstrap");
            // a native build's zip is a custom runtime (provided.al2023): its bootstrap polls the Runtime API itself
            List<String> command = Files.exists(bootstrap) ? List.of(bootstrap.toString())
                    : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", code + ":" + code.resolve("lib") + "/*:" + runtimeClasspath(),
                    AWSLambda.class.getName(), function.handler());
            if (Files.exists(bootstrap) && !bootstrap.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + bootstrap + " executable");
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(code.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("logs").resolve(function.name() + ".log")
                            .toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(function.environment());
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApi.getAddress().getPort());
            env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
            env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Long.toString(function.timeout().toSeconds()));
            env.put("_HANDLER", function.handler());
            env.putIfAbsent("AWS_REGION", "us-east-1");
            env.putIfAbsent("AWS_DEFAULT_REGION", "us-east-1");
            env.putIfAbsent("AWS_ACCESS_KEY_ID", "local");
            env.putIfAbsent("AWS_SECRET_ACCESS_KEY", "local");
            try {
                generation = new Generation();
                initEndedAt = -1;
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + function.name(), e);
            }
            Process started = process;
            started.onExit().thenRun(() -> died(started));
        }

        /** The process ended: what it was running fails as Lambda says, and it is started again. */
        private void died(Process which) {
            if (which == process) {
                generation.alive = false;
            }
            running.values().forEach(p -> p.answer().complete(error("Runtime.ExitError",
                    "RequestId: " + p.requestId() + " Error: Runtime exited with error: exit status " + which.exitValue())));
            running.clear();
            if (!closed && !closing && which == process) {
                // a process that cannot even start is not restarted in a tight loop
                if (System.currentTimeMillis() - startedAt < 5_000) {
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                start();
            }
        }

        Invocation invoke(byte[] payload) {
            long deadline = System.currentTimeMillis() + function.timeout().toMillis();
            Pending pending = new Pending(UUID.randomUUID().toString(), payload, new CompletableFuture<>(), deadline);
            queue.add(pending);
            try {
                return pending.answer().get(function.timeout().toMillis() + 30_000, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                queue.remove(pending);
                Invocation timedOut = error("Sandbox.Timedout", "RequestId: " + pending.requestId()
                        + " Error: Task timed out after " + function.timeout().toSeconds() + " seconds");
                if (running.remove(pending.requestId()) != null) {
                    // Lambda ends a sandbox whose invocation timed out; the next one starts fresh
                    process.destroyForcibly();
                }
                return timedOut;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException("Lambda.ServiceException", "interrupted");
            } catch (ExecutionException e) {
                throw new ServiceException("Lambda.ServiceException", String.valueOf(e.getCause()));
            }
        }

        private void runtime(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                if (path.endsWith("/invocation/next")) {
                    if (initEndedAt == -1) {
                        // the runtime asks for work once its init is done: that is the cold start's init
                        initEndedAt = System.currentTimeMillis();
                    }
                    // a poll left open by a process that has since died must not take the next invocation
                    Generation mine = generation;
                    Pending next = null;
                    while (next == null && mine.alive && !closed) {
                        next = queue.poll(100, TimeUnit.MILLISECONDS);
                    }
                    if (next == null || !mine.alive) {
                        if (next != null) {
                            queue.offerFirst(next);
                        }
                        exchange.sendResponseHeaders(410, -1);
                        return;
                    }
                    running.put(next.requestId(), next);
                    begun.put(next.requestId(), System.nanoTime());
                    log("START RequestId: " + next.requestId() + " Version: $LATEST");
                    exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", next.requestId());
                    exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMillis()));
                    exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:us-east-1:000000000000:function:" + function.name());
                    exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-00000000-" + next.requestId()
                            .replace("-", "").substring(0, 24));
                    // no Client-Context or Cognito-Identity: Lambda sends those only for the mobile SDK's calls
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, next.payload().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(next.payload());
                    }
                    return;
                }
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                if (path.contains("/init/error")) {
                    running.values().forEach(p -> p.answer().complete(new Invocation(body, "Unhandled")));
                    running.clear();
                } else {
                    String[] parts = path.split("/");
                    Pending done = running.remove(parts[parts.length - 2]);
                    if (done != null) {
                        report(done.requestId());
                        done.answer().complete(new Invocation(body, path.endsWith("/error") ? "Unhandled" : null));
                    }
                }
                exchange.sendResponseHeaders(202, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(500, -1);
            }
        }

        /** Lambda's END and REPORT lines for an invocation answered, counted. */
        private void report(String requestId) {
            Long begin = begun.remove(requestId);
            if (begin == null) {
                return;
            }
            double millis = (System.nanoTime() - begin) / 1_000_000.0;
            long billed = (long) Math.ceil(millis);
            long init = 0;
            synchronized (this) {
                if (initEndedAt > 0) {
                    init = initEndedAt - startedAt;
                    initEndedAt = 0;
                }
                usage = usage.plus(billed, function.memoryMb(), init);
            }
            // END and REPORT in one write: one open of the log per line would be on every invocation's path
            log("END RequestId: " + requestId + "\n" + String.format(java.util.Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\t"
                    + "Memory Size: %d MB\tMax Memory Used: %d MB%s", requestId, millis, billed, function.memoryMb(),
                    peakMegabytes(), init > 0 ? "\tInit Duration: " + init + ".00 ms" : ""));
        }

        /** The process's peak resident memory (VmHWM), as Max Memory Used; 0 where /proc cannot tell. */
        private long peakMegabytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or the process has just ended
            }
            return 0;
        }

        private void log(String line) {
            try {
                Files.writeString(workDir.resolve("logs").resolve(function.name() + ".log"), line + "\n",
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println(function.name() + ": cannot write its log: " + e);
            }
        }

        private Path unpack() {
            Path code = workDir.resolve("functions").resolve(function.name());
            try {
                Files.createDirectories(workDir.resolve("logs"));
                Path stamp = code.resolve(".unpacked-from");
                String source = function.zip().toAbsolutePath() + "@" + Files.getLastModifiedTime(function.zip()).toMillis();
                if (Files.exists(stamp) && Files.readString(stamp).equals(source)) {
                    return code;
                }
                if (Files.exists(code)) {
                    try (var walk = Files.walk(code)) {
                        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                Files.createDirectories(code);
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(function.zip()))) {
                    for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                        Path target = code.resolve(entry.getName()).normalize();
                        if (!target.startsWith(code)) {
                            throw new IOException("a zip entry leaves its folder: " + entry.getName());
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(target);
                        } else {
                            Files.createDirectories(target.getParent());
                            Files.copy(zip, target);
                        }
                    }
                }
                Files.writeString(stamp, source);
                return code;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack " + function.zip(), e);
            }
        }

        void close() {
            closed = true;
            if (process != null) {
                process.destroyForcibly();
            }
            runtimeApi.stop(0);
            queue.forEach(p -> p.answer().complete(error("Runtime.ExitError", "the local stack is stopping")));
        }
    }

    private static Invocation error(String type, String message) {
        String body = "{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message.replace("\"", "'") + "\"}";
        return new Invocation(body.getBytes(StandardCharsets.UTF_8), "Unhandled");
    }

    /** Where AWS's runtime interface client and its serialisation live: on this host's own classpath. */
    private static String runtimeClasspath() {
        StringBuilder cp = new StringBuilder();
        for (Class<?> c : new Class<?>[] {AWSLambda.class, com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class}) {
            try {
                if (cp.length() > 0) {
                    cp.append(':');
                }
                cp.append(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return cp.toString();
    }
}
