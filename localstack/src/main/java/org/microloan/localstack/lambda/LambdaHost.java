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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.microloan.localstack.states.Lambdas;

/**
 * Runs each function's built artifact (the {@code function.zip} CDK deploys) as Lambda's Java runtime does, in
 * sandboxes: each its own JVM (or, for a native build's zip, its {@code bootstrap}, as a custom runtime) with its
 * own Runtime API ({@code /2018-06-01/runtime/invocation/next}, {@code /response}, {@code /error}), which AWS's
 * runtime interface client polls, serving one invocation at a time. When an invocation finds no sandbox free, the
 * host starts another, up to the function's concurrency (its reserved concurrency, or the stack's default);
 * sandboxes idle for longer than the host's idle time are retired, all but one, which stays warm. Unlike Lambda,
 * an invocation beyond the concurrency waits for a sandbox instead of being throttled.
 *
 * <p>A sandbox whose process dies fails what it was running as Lambda reports it ({@code Runtime.ExitError}), and
 * is replaced when it was the last or work is waiting; an invocation that runs past the function's timeout (from
 * when a sandbox took it) fails as {@code Sandbox.Timedout}, and its sandbox is ended after its threads are dumped
 * into the function's log. After each invocation the host writes Lambda's
 * {@code START}, {@code END} and {@code REPORT} lines into the function's log (duration, billed duration, memory
 * size, the sandbox's peak memory, the init duration of a cold start) and counts them ({@link #usage()}).
 */
public final class LambdaHost implements Lambdas, AutoCloseable {

    /**
     * A function as deployed: its zip, handler, environment (what Lambda would give it), timeout, memory, and the
     * most sandboxes it may run at once.
     */
    public record Function(String name, Path zip, String handler, Map<String, String> environment, Duration timeout,
                           int memoryMb, int concurrency) {
        public Function {
            if (concurrency < 1) {
                throw new IllegalArgumentException(name + ": a concurrency of " + concurrency + ", give 1 or more");
            }
        }
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

    /** How long Lambda keeps an idle sandbox, about: the default idle time. */
    public static final Duration IDLE_AFTER = Duration.ofMinutes(5);

    private final Path workDir;
    private final Duration idleAfter;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    /** Retires idle sandboxes and ends invocations that run past their function's timeout. */
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "lambda-timers");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closing;

    public LambdaHost(Path workDir) {
        this(workDir, IDLE_AFTER);
    }

    /** A host that retires a function's extra sandboxes once idle for {@code idleAfter}. */
    public LambdaHost(Path workDir, Duration idleAfter) {
        this.workDir = workDir;
        this.idleAfter = idleAfter;
        // an invocation's timeout is cancelled when it is answered: most are, and none should linger
        timers.setRemoveOnCancelPolicy(true);
        long every = Math.max(100, idleAfter.toMillis() / 4);
        timers.scheduleWithFixedDelay(() -> slots.values().forEach(Slot::retireIdle), every, every, TimeUnit.MILLISECONDS);
    }

    public synchronized void deploy(Function function) {
        Slot old = slots.remove(function.name());
        if (old != null) {
            old.close();
        }
        Slot slot = new Slot(function);
        slots.put(function.name(), slot);
        slot.startSandbox();
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
        Map<String, Usage> all = new TreeMap<>();
        slots.forEach((name, slot) -> all.put(name, slot.usage));
        return all;
    }

    /** How many sandboxes each function has now, and the most it has had at once, by name. */
    public Map<String, Sandboxes> sandboxes() {
        Map<String, Sandboxes> all = new TreeMap<>();
        slots.forEach((name, slot) -> all.put(name, new Sandboxes(slot.sandboxes.size(), slot.peak)));
        return all;
    }

    /** A function's sandboxes: how many now, and the most at once since the host started. */
    public record Sandboxes(int now, int peak) {
    }

    /** The process of a function's oldest sandbox (the last started, between one's death and the next), for tests and the demo. */
    public ProcessHandle process(String name) {
        Slot slot = slots.get(name);
        return slot.sandboxes.stream().findFirst().map(s -> s.process).orElse(slot.lastStarted).toHandle();
    }

    @Override
    public void close() {
        closing = true;
        timers.shutdownNow();
        slots.values().forEach(Slot::close);
    }

    private record Pending(String requestId, byte[] payload, CompletableFuture<Invocation> answer) {
    }

    /** One function: its sandboxes, the invocations waiting for one, and what its REPORT lines add up to. */
    private final class Slot {
        private final Function function;
        private final BlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
        private final List<Sandbox> sandboxes = new CopyOnWriteArrayList<>();
        private int started;
        private volatile Process lastStarted;
        private volatile int peak;
        private volatile boolean closed;
        private volatile Usage usage = new Usage(0, 0, 0, 0, 0);

        Slot(Function function) {
            this.function = function;
        }

        synchronized void startSandbox() {
            Sandbox sandbox = new Sandbox(this, ++started);
            sandboxes.add(sandbox);
            try {
                sandbox.start();
            } catch (RuntimeException e) {
                sandboxes.remove(sandbox);
                throw e;
            }
            peak = Math.max(peak, sandboxes.size());
            lastStarted = sandbox.process;
        }

        Invocation invoke(byte[] payload) {
            Pending pending = new Pending(UUID.randomUUID().toString(), payload, new CompletableFuture<>());
            queue.add(pending);
            scale();
            try {
                try {
                    return pending.answer().get(function.timeout().toMillis() + 30_000, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (queue.remove(pending)) {
                        return error("Sandbox.Timedout", "RequestId: " + pending.requestId() + " Error: no sandbox took it in "
                                + (function.timeout().toSeconds() + 30) + " seconds");
                    }
                    // a sandbox took it late: its timeout, counted from then, ends it
                    return pending.answer().get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException("Lambda.ServiceException", "interrupted");
            } catch (ExecutionException e) {
                throw new ServiceException("Lambda.ServiceException", String.valueOf(e.getCause()));
            }
        }

        /** Another sandbox when more invocations wait than there are sandboxes free or starting, as Lambda scales. */
        private synchronized void scale() {
            long free = sandboxes.stream().filter(Sandbox::free).count();
            if (!closed && !closing && queue.size() > free && sandboxes.size() < function.concurrency()) {
                try {
                    startSandbox();
                } catch (RuntimeException e) {
                    // the invocation stays queued for the sandboxes there are
                    System.err.println(function.name() + ": cannot start another sandbox: " + e.getMessage());
                }
            }
        }

        /** Sandboxes idle for longer than the host's idle time are ended, all but one. */
        private synchronized void retireIdle() {
            long now = System.nanoTime();
            for (Sandbox sandbox : sandboxes) {
                if (sandboxes.size() > 1 && sandbox.retireIfIdleSince(now - idleAfter.toNanos())) {
                    sandboxes.remove(sandbox);
                }
            }
        }

        /** A sandbox's process ended: it is replaced when it was the last one or work is waiting. */
        private void ended(Sandbox sandbox) {
            sandboxes.remove(sandbox);
            if (closed || closing || sandbox.retired) {
                return;
            }
            // a process that cannot even start is not restarted in a tight loop
            if (System.currentTimeMillis() - sandbox.startedAt < 5_000) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            synchronized (this) {
                if (sandboxes.isEmpty() && !closed && !closing) {
                    startSandbox();
                }
            }
            scale();
        }

        /**
         * Lambda's END and REPORT lines for an invocation a sandbox ran, counted.
         * @param status null for an invocation answered, {@code timeout} for one ended at the timeout
         */
        private void report(Sandbox sandbox, String requestId, long begun, long init, String status) {
            double millis = (System.nanoTime() - begun) / 1_000_000.0;
            long billed = (long) Math.ceil(millis);
            synchronized (this) {
                usage = usage.plus(billed, function.memoryMb(), init);
            }
            // END and REPORT in one write: one open of the log per line would be on every invocation's path
            log("END RequestId: " + requestId + "\n" + String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\t"
                    + "Billed Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB%s%s", requestId, millis, billed,
                    function.memoryMb(), sandbox.peakMegabytes(), init > 0 ? "\tInit Duration: " + init + ".00 ms" : "",
                    status == null ? "" : "\tStatus: " + status));
        }

        private void log(String line) {
            try {
                Files.writeString(logFile(), line + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println(function.name() + ": cannot write its log: " + e);
            }
        }

        /** The function's log: its sandboxes' output and the host's lines about its invocations. */
        private Path logFile() {
            return workDir.resolve("logs").resolve(function.name() + ".log");
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
                        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
            sandboxes.forEach(Sandbox::close);
            queue.forEach(p -> p.answer().complete(error("Runtime.ExitError", "the local stack is stopping")));
        }
    }

    /** One sandbox of a function: its process, its Runtime API, the one invocation it runs. */
    private final class Sandbox {
        private final Slot slot;
        private final Function function;
        private final HttpServer runtimeApi;
        private volatile Process process;
        /** False once its process has ended or it is retired: a poll left open must not take the next invocation. */
        private volatile boolean alive = true;
        private volatile boolean retired;
        /** Waiting in {@code invocation/next}, so free to take an invocation (or starting, so soon free). */
        private boolean polling = true;
        private long idleSince = System.nanoTime();
        private volatile long startedAt;
        /** When its runtime asked for its first invocation (its init ended), or 0 once reported. */
        private volatile long initEndedAt = -1;
        private volatile long begun;
        /** The invocation it runs: taken back once, by its answer, its process's end or its timeout. */
        private final AtomicReference<Pending> current = new AtomicReference<>();
        /** Ends the invocation it runs at the function's timeout, counted from when it took it, as Lambda does. */
        private volatile ScheduledFuture<?> timeout;
        /** A JVM, not a native build's bootstrap: one that can be asked for its threads. */
        private volatile boolean jvm;

        Sandbox(Slot slot, int number) {
            this.slot = slot;
            this.function = slot.function;
            try {
                runtimeApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            runtimeApi.createContext("/2018-06-01/runtime/", this::runtime);
            runtimeApi.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "runtime-api-" + function.name() + "-" + number);
                t.setDaemon(true);
                return t;
            }));
            runtimeApi.start();
        }

        void start() {
            Path code = slot.unpack().toAbsolutePath();
            startedAt = System.currentTimeMillis();
            Path bootstrap = code.resolve("bootstrap");
            // a native build's zip is a custom runtime (provided.al2023): its bootstrap polls the Runtime API itself
            jvm = !Files.exists(bootstrap);
            List<String> command = !jvm ? List.of(bootstrap.toString())
                    : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Xshare:auto",
                    "-D" + JNI_PROPERTY + "=" + runtimeLibrary(),
                    "-cp", code + ":" + code.resolve("lib") + "/*:" + runtimeClasspath(),
                    AWSLambda.class.getName(), function.handler());
            if (!jvm && !bootstrap.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + bootstrap + " executable");
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(code.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(slot.logFile().toFile()));
            Map<String, String> env = builder.environment();
            env.putAll(function.environment());
            // the Java 17 runtime's own default, which a function's JAVA_TOOL_OPTIONS replaces
            env.putIfAbsent("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApi.getAddress().getPort());
            env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
            env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Long.toString(function.timeout().toSeconds()));
            env.put("_HANDLER", function.handler());
            env.putIfAbsent("AWS_REGION", "us-east-1");
            env.putIfAbsent("AWS_DEFAULT_REGION", "us-east-1");
            env.putIfAbsent("AWS_ACCESS_KEY_ID", "local");
            env.putIfAbsent("AWS_SECRET_ACCESS_KEY", "local");
            try {
                process = builder.start();
            } catch (IOException e) {
                runtimeApi.stop(0);
                throw new UncheckedIOException("cannot start " + function.name(), e);
            }
            Process started = process;
            started.onExit().thenRun(() -> died(started));
        }

        synchronized boolean free() {
            return polling && alive;
        }

        /** Retired when free and idle since before {@code cutoff}: then its process is ended and nothing is lost. */
        synchronized boolean retireIfIdleSince(long cutoff) {
            if (!polling || !alive || initEndedAt == -1 || idleSince - cutoff > 0) {
                return false;
            }
            retired = true;
            close();
            return true;
        }

        /** Its process ended: what it was running fails as Lambda says. */
        private void died(Process which) {
            alive = false;
            cancelTimeout();
            runtimeApi.stop(0);
            Pending was = current.getAndSet(null);
            if (was != null) {
                was.answer().complete(error("Runtime.ExitError", "RequestId: " + was.requestId()
                        + " Error: Runtime exited with error: exit status " + which.exitValue()));
            }
            slot.ended(this);
        }

        private void runtime(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                if (path.endsWith("/invocation/next")) {
                    next(exchange);
                    return;
                }
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Pending done = current.get();
                if (path.contains("/init/error")) {
                    if (done != null && current.compareAndSet(done, null)) {
                        done.answer().complete(new Invocation(body, "Unhandled"));
                    }
                } else {
                    String[] parts = path.split("/");
                    String requestId = parts[parts.length - 2];
                    if (done != null && done.requestId().equals(requestId) && current.compareAndSet(done, null)) {
                        long init = 0;
                        if (initEndedAt > 0) {
                            init = initEndedAt - startedAt;
                            initEndedAt = 0;
                        }
                        cancelTimeout();
                        slot.report(this, requestId, begun, init, null);
                        done.answer().complete(new Invocation(body, path.endsWith("/error") ? "Unhandled" : null));
                    }
                }
                exchange.sendResponseHeaders(202, -1);
            }
        }

        private void next(HttpExchange exchange) throws IOException {
            synchronized (this) {
                if (initEndedAt == -1) {
                    // the runtime asks for work once its init is done: that is the cold start's init
                    initEndedAt = System.currentTimeMillis();
                }
                current.set(null);
                polling = true;
                idleSince = System.nanoTime();
            }
            Pending next = null;
            try {
                while (next == null && alive) {
                    next = slot.queue.poll(100, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        synchronized (this) {
                            if (alive) {
                                polling = false;
                                current.set(next);
                            } else {
                                slot.queue.offerFirst(next);
                                next = null;
                            }
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (next == null) {
                exchange.sendResponseHeaders(410, -1);
                return;
            }
            begun = System.nanoTime();
            // Lambda's timeout runs from when a sandbox takes the invocation; its deadline header says the same
            long deadline = System.currentTimeMillis() + function.timeout().toMillis();
            slot.log("START RequestId: " + next.requestId() + " Version: $LATEST");
            Pending taken = next;
            timeout = timers.schedule(() -> timedOut(taken), function.timeout().toMillis(), TimeUnit.MILLISECONDS);
            exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", next.requestId());
            exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
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
        }

        private void cancelTimeout() {
            ScheduledFuture<?> running = timeout;
            if (running != null) {
                running.cancel(false);
            }
        }

        /** Still running at the function's timeout: Lambda's lines for it, its threads, and the sandbox ended. */
        private void timedOut(Pending pending) {
            if (!current.compareAndSet(pending, null)) {
                return;
            }
            String seconds = String.format(Locale.ROOT, "%.2f", function.timeout().toMillis() / 1000.0);
            threadDump();
            slot.log(Instant.now() + " " + pending.requestId() + " Task timed out after " + seconds + " seconds");
            slot.report(this, pending.requestId(), begun, 0, "timeout");
            pending.answer().complete(error("Sandbox.Timedout", "RequestId: " + pending.requestId()
                    + " Error: Task timed out after " + seconds + " seconds"));
            process.destroyForcibly();
        }

        /**
         * What the sandbox's threads were doing, into the function's log: Lambda cannot show it, but a function
         * that hangs here is a bug to find, and its stacks are where it waited.
         */
        private void threadDump() {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            if (!jvm || !Files.isExecutable(jcmd)) {
                return;
            }
            slot.log("the local stack's thread dump of the sandbox (pid " + process.pid() + ") at its timeout:");
            try {
                Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(slot.logFile().toFile())).start();
                if (!dump.waitFor(10, TimeUnit.SECONDS)) {
                    dump.destroyForcibly();
                }
            } catch (IOException e) {
                slot.log("no thread dump: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The process's peak resident memory (VmHWM), as Max Memory Used; 0 where /proc cannot tell. */
        long peakMegabytes() {
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

        void close() {
            alive = false;
            if (process != null) {
                process.destroyForcibly();
            }
            runtimeApi.stop(0);
        }
    }

    private static Invocation error(String type, String message) {
        String body = "{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message.replace("\"", "'") + "\"}";
        return new Invocation(body.getBytes(StandardCharsets.UTF_8), "Unhandled");
    }

    /**
     * AWS's runtime interface client, unless told where its JNI library is, copies it to one fixed file,
     * {@code /tmp/.libaws-lambda-jni.so}, at each start: in Lambda every sandbox has its own /tmp, here two
     * sandboxes starting at once overwrite it under each other's loader and one dies (SIGBUS). So the host
     * copies it once and names it to every sandbox.
     */
    private static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private synchronized Path runtimeLibrary() {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        String name = "libaws-lambda-jni.linux-" + arch + ".so";
        Path library = workDir.resolve("runtime").resolve(name);
        if (!Files.exists(library)) {
            try (InputStream in = AWSLambda.class.getResourceAsStream("/jni/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the runtime interface client has no " + name);
                }
                Files.createDirectories(library.getParent());
                Path partial = library.resolveSibling(name + ".partial");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the runtime interface client's " + name, e);
            }
        }
        return library.toAbsolutePath();
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
