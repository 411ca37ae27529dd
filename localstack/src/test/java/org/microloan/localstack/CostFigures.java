package org.microloan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.microloan.localstack.lambda.LambdaHost;
import org.microloan.localstack.metering.AwsBill;
import org.microloan.localstack.metering.AwsPrices;
import org.microloan.localstack.metering.Meter;
import org.microloan.localstack.states.Execution;
import org.microloan.testing.Forms;

/**
 * What the platform costs on AWS per 1,000 applications and per loan-month, from what the local stack
 * counts while it works (Lambda's REPORT lines, state transitions by workflow type, Express durations,
 * DynamoDB's consumed capacity, API requests) at the list prices of {@code aws-prices.properties}.
 * N borrowers apply, read their offer once, accept, and read the payout once; then the clock moves 30
 * days and the daily runs service the N loans. {@code mvn -B package -DskipTests && mvn -B verify -pl
 * localstack -Dit.test=CostFigures -Dapplications=50 [-Dprices=FILE]}; writes target/cost-figures.md.
 */
class CostFigures {

    private static final String EXECUTIONS = "arn:aws:states:us-east-1:000000000000:execution:origination:";

    private record Snapshot(Meter.Reading meter, Map<String, LambdaHost.Usage> lambda) {

        static Snapshot of(LocalStack stack) {
            return new Snapshot(stack.meter().reading(), new HashMap<>(stack.host().usage()));
        }

        Snapshot since(Snapshot before) {
            Map<String, LambdaHost.Usage> lambda = new HashMap<>();
            this.lambda.forEach((name, u) -> {
                LambdaHost.Usage b = before.lambda.getOrDefault(name, new LambdaHost.Usage(0, 0, 0, 0, 0));
                lambda.put(name, new LambdaHost.Usage(u.invocations() - b.invocations(), u.billedMillis() - b.billedMillis(),
                        u.gbSeconds() - b.gbSeconds(), u.coldStarts() - b.coldStarts(), u.initMillis() - b.initMillis()));
            });
            return new Snapshot(meter.minus(before.meter), lambda);
        }
    }

    private static JsonNode call(String method, URI uri, String token, Object body) throws Exception {
        HttpResponse<String> response = StackClient.send(method, uri, token, body, UUID.randomUUID().toString());
        assertThat(response.statusCode()).as(uri + " " + response.body()).isLessThan(300);
        return StackClient.JSON.readTree(response.body());
    }

    /** Waits on the emulator, not the API, so the figures carry only the calls a borrower makes. */
    private static void until(LocalStack stack, String id, boolean waitingForAcceptance) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            Execution e = stack.states().execution(EXECUTIONS + id);
            List<com.fasterxml.jackson.databind.node.ObjectNode> history = e.history();
            boolean waiting = "AwaitAcceptance".equals(e.state) && !history.isEmpty()
                    && "TaskSubmitted".equals(history.get(history.size() - 1).path("type").asText());
            if (waitingForAcceptance ? waiting : "SUCCEEDED".equals(e.status)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(id + " never got there");
    }

    private static String origination(LocalStack stack) throws Exception {
        String borrower = "b-" + UUID.randomUUID();
        String token = call("POST", stack.aws().resolve("/_local/token"), null,
                Map.of("subject", borrower, "role", "borrower")).path("token").asText();
        String id = call("POST", stack.api().resolve("/v1/applications"), token, Forms.ofSomeoneElse(Forms.emergency()))
                .path("applicationId").asText();
        until(stack, id, true);
        assertThat(call("GET", stack.api().resolve("/v1/applications/" + id), token, null).path("status").asText())
                .isEqualTo("QUOTED");
        HttpResponse<String> accepted = StackClient.accept(stack.api(), id, token);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        until(stack, id, false);
        assertThat(call("GET", stack.api().resolve("/v1/applications/" + id), token, null).path("status").asText())
                .isEqualTo("DISBURSED");
        return id;
    }

    private static String table(String title, String unit, AwsBill bill) {
        StringBuilder s = new StringBuilder("| " + title + " | quantity " + unit + " | USD " + unit + " |\n|---|---:|---:|\n");
        for (AwsBill.Line line : bill.lines()) {
            s.append(String.format(java.util.Locale.ROOT, "| %s | %,.1f | %s |%n", line.item(), line.quantity(),
                    line.cost().setScale(4, RoundingMode.HALF_UP).toPlainString()));
        }
        s.append("| **total** | | **").append(bill.total().setScale(4, RoundingMode.HALF_UP).toPlainString()).append("** |\n");
        return s.toString();
    }

    @Test
    void perThousandApplications_andPerLoanMonth() throws Exception {
        int applications = Integer.getInteger("applications", 50);
        AwsPrices prices = AwsPrices.load(Optional.ofNullable(System.getProperty("prices")).map(Path::of));
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(Optional.empty(), Path.of("target", "cost-figures"),
                Path.of(System.getProperty("functions.dir", "../functions")), 0, 0, 0, false, true, LocalStack.CONCURRENCY))) {
            origination(stack); // every function warm before counting
            Snapshot start = Snapshot.of(stack);
            for (int i = 0; i < applications; i++) {
                origination(stack);
            }
            Snapshot originated = Snapshot.of(stack);
            call("POST", stack.aws().resolve("/_local/clock"), null, Map.of("advance", "P30D"));
            Snapshot month = Snapshot.of(stack);

            Snapshot origination = originated.since(start);
            Snapshot servicing = month.since(originated);
            AwsBill perThousand = AwsBill.of(origination.meter(), origination.lambda(), prices, applications, 1000);
            // the warm-up's loan is serviced too: applications + 1 loans for the month
            AwsBill perLoanMonth = AwsBill.of(servicing.meter(), servicing.lambda(), prices, applications + 1, 1);
            BigDecimal fixed = prices.monthly().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            String report = "Cost figures from " + applications + " applications (apply, offer, accept, payout) and 30 "
                    + "days of servicing of their loans on the local stack, at the list prices of "
                    + System.getProperty("prices", "aws-prices.properties") + "\n\n"
                    + table("Origination", "per 1,000 applications", perThousand) + "\n"
                    + table("Servicing", "per loan-month", perLoanMonth) + "\n"
                    + "Fixed, whatever it carries: USD " + fixed.setScale(2, RoundingMode.HALF_UP) + " a month "
                    + prices.monthly() + "\n\n"
                    + "Counted during origination: transitions " + origination.meter().transitions() + ", Express requests "
                    + origination.meter().expressRequests() + ", Lambda invocations " + invocations(origination) + "\n"
                    + "Counted during servicing: transitions " + servicing.meter().transitions() + ", Lambda invocations "
                    + invocations(servicing) + "\n";
            System.out.print(report);
            Files.writeString(Path.of("target", "cost-figures.md"), report);
            assertThat(origination.meter().writeUnits()).as("DynamoDB's capacity is metered").isPositive();
            assertThat(origination.meter().expressRequests().get("decisioning")).isEqualTo((long) applications);
        }
    }

    private static Map<String, Long> invocations(Snapshot s) {
        Map<String, Long> out = new java.util.TreeMap<>();
        s.lambda().forEach((name, u) -> out.put(name, u.invocations()));
        return out;
    }
}
