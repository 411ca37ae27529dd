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
import org.microloan.testing.Forms;

/**
 * How many applications a second the stack carries end to end on this machine: N borrowers apply,
 * accept as soon as the offer is there, and are paid out, C at a time, over HTTP.
 * {@code mvn -B package -DskipTests && mvn -B verify -pl localstack -Dit.test=LocalStackBenchmark
 * -Dapplications=60 -Dclients=8}; writes target/local-stack-benchmark.txt.
 */
class LocalStackBenchmark {

    private static final ObjectMapper JSON = StackClient.JSON;

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
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(Optional.empty(), work,
                Path.of(System.getProperty("functions.dir", "../functions")), 0, 0, 0, false, false))) {
            Duration startup = Duration.between(begin, Instant.now());
            // one application through first, so every function is warm before the clock starts
            List<Duration> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Duration> offers = Collections.synchronizedList(new ArrayList<>());
            Runnable one = () -> {
                try {
                    String borrower = "b-" + UUID.randomUUID();
                    String token = call("POST", stack.aws().resolve("/_local/token"), null,
                            Map.of("subject", borrower, "role", "borrower")).path("token").asText();
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
            one.run();
            latencies.clear();
            offers.clear();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            Duration cpu0 = processorTime();
            Instant t0 = Instant.now();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < applications; i++) {
                all.add(pool.submit(one));
            }
            for (Future<?> f : all) {
                f.get();
            }
            Duration took = Duration.between(t0, Instant.now());
            Duration cpu = processorTime().minus(cpu0);
            pool.shutdown();
            List<Duration> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            List<Duration> toOffer = new ArrayList<>(offers);
            Collections.sort(toOffer);
            String report = String.format(Locale.ROOT, "local stack: started in %.1f s; %d applications (apply, offer, accept, payout)"
                            + " with %d clients in %.1f s = %.2f applications/s; end-to-end p50 %d ms, p95 %d ms;"
                            + " submission to offer p50 %d ms; processor %.3f s an application (user + system, every"
                            + " process of the stack)%n",
                    startup.toMillis() / 1000.0, applications, clients, took.toMillis() / 1000.0,
                    applications * 1000.0 / took.toMillis(), sorted.get(sorted.size() / 2).toMillis(),
                    sorted.get(Math.min(sorted.size() - 1, (sorted.size() * 95 + 99) / 100 - 1)).toMillis(),
                    toOffer.get(toOffer.size() / 2).toMillis(), cpu.toMillis() / 1000.0 / applications);
            System.out.print(report);
            Files.writeString(Path.of("target", "local-stack-benchmark.txt"), report);
            assertThat(latencies).hasSize(applications);
        }
    }

    /** User + system time of this JVM (the emulators, DynamoDB Local, the simulators) and every process it started. */
    private static Duration processorTime() {
        ProcessHandle self = ProcessHandle.current();
        return Stream.concat(Stream.of(self), self.descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }
}
