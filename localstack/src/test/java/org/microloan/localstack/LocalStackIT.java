package org.microloan.localstack;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microloan.partner.WebhookSignature;
import org.microloan.schedule.BusinessDate;
import org.microloan.testing.Forms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack, started from the built artifacts, used over HTTP only: a borrower applies, is
 * approved, accepts, is paid out, reads the schedule, repays; the clock moves past a due date and the
 * loan is overdue; then it is paid off.
 */
class LocalStackIT {

    private static final ObjectMapper JSON = StackClient.JSON;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Kept after the run: the functions' logs are in work/logs. */
    private static final Path work = Path.of("target", "local-stack-it");

    private static LocalStack stack;
    private static Duration startup;

    @BeforeAll
    static void start() throws Exception {
        if (java.nio.file.Files.exists(work)) {
            try (var walk = java.nio.file.Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Instant begin = Instant.now();
        stack = LocalStack.start(new LocalStack.Options(Optional.of(work.resolve("data")), work.resolve("work"),
                Path.of(System.getProperty("functions.dir", "../functions")), 0, 0, 0, false, true, LocalStack.CONCURRENCY));
        startup = Duration.between(begin, Instant.now());
        System.out.println("local stack started in " + startup.toMillis() + " ms");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String token(String subject, String role) throws Exception {
        return call("POST", stack.aws().resolve("/_local/token"), null, Map.of("subject", subject, "role", role))
                .path("token").asText();
    }

    private static JsonNode call(String method, URI uri, String token, Object body) throws Exception {
        HttpResponse<String> response = send(method, uri, token, body, UUID.randomUUID().toString());
        assertThat(response.statusCode()).as(method + " " + uri + ": " + response.body()).isLessThan(300);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, URI uri, String token, Object body, String key) throws Exception {
        return StackClient.send(method, uri, token, body, key);
    }

    private static JsonNode until(String token, URI uri, String field, String value) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 600; i++) {
            last = call("GET", uri, token, null);
            if (value.equals(last.path(field).asText())) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(uri + " never had " + field + " = " + value + ": " + last);
    }

    /** The stack's business date: it moves when the tests move its clock, and the functions follow it. */
    private static LocalDate today() {
        return BusinessDate.of(stack.clock().now());
    }

    /** An application dated as the server's business date, which is all it takes. */
    private static org.microloan.origination.intake.ApplicationForm form() {
        return Forms.datedOn(Forms.emergency(), today());
    }

    private static void scenario(String name) throws Exception {
        call("POST", stack.aws().resolve("/_local/scenarios/" + name), null, Map.of());
    }

    /** Moves the stack's clock to 09:00 in China on {@code date}; the daily runs of the days crossed run. */
    private static JsonNode moveTo(LocalDate date) throws Exception {
        Duration ahead = Duration.between(stack.clock().now(), date.atTime(9, 0).atZone(BusinessDate.CHINA).toInstant());
        JsonNode moved = call("POST", stack.aws().resolve("/_local/clock"), null, Map.of("advance", ahead.toString()));
        assertThat(moved.path("businessDate").asText()).isEqualTo(date.toString());
        return moved;
    }

    @Test
    void aBorrowerApplies_isApproved_accepts_isPaidOut_isAutoDebited_fallsBehind_andPaysOffThroughTheRail() throws Exception {
        String borrower = "b-" + UUID.randomUUID();
        String token = token(borrower, "borrower");
        URI api = stack.api();

        JsonNode accepted = call("POST", api.resolve("/v1/applications"), token, form());
        String id = accepted.path("applicationId").asText();
        Instant applied = Instant.now();
        JsonNode quoted = until(token, api.resolve("/v1/applications/" + id), "status", "QUOTED");
        System.out.println("application to offer in " + Duration.between(applied, Instant.now()).toMillis() + " ms");
        assertThat(quoted.at("/decision/outcome").asText()).isEqualTo("APPROVE");
        assertThat(quoted.at("/personal/mobile").asText()).contains("****");

        // QUOTED and the workflow's wait come in one write: an offer the borrower sees can be answered at once
        accept(token, id);
        until(token, api.resolve("/v1/applications/" + id), "status", "DISBURSED");

        JsonNode loans = call("GET", api.resolve("/v1/loans"), token, null);
        assertThat(loans.size()).isEqualTo(1);
        String loan = loans.get(0).path("loanId").asText();
        URI repayments = api.resolve("/v1/loans/" + loan + "/repayments");
        JsonNode schedule = call("GET", api.resolve("/v1/loans/" + loan + "/schedule"), token, null);
        assertThat(schedule.size()).isGreaterThan(1);
        JsonNode first = schedule.get(0);
        BigDecimal firstDue = new BigDecimal(first.path("principal").asText()).add(new BigDecimal(first.path("interest").asText()));

        // a repayment dated by the client is refused: the rail's day is the value date
        HttpResponse<String> backDated = send("POST", repayments, token, Map.of("amount", firstDue.toPlainString(),
                "on", today().minusDays(1).toString()), "back-dated");
        assertThat(backDated.statusCode()).as(backDated.body()).isEqualTo(422);
        assertThat(backDated.body()).contains("value-date");

        // the first due date: the daily run's auto-debit collects the installment from the bound account
        LocalDate firstDate = LocalDate.parse(first.path("dueDate").asText());
        JsonNode ranFirst = moveTo(firstDate);
        assertThat(ranFirst.path("servicing").findValues("collected").stream().mapToInt(JsonNode::asInt).sum()).isPositive();
        JsonNode debited = call("GET", repayments, token, null);
        assertThat(debited.size()).as(debited.toString()).isEqualTo(1);
        assertThat(debited.get(0).path("origin").asText() + " " + debited.get(0).path("status").asText() + " "
                + debited.get(0).path("amount").asText() + " " + debited.get(0).path("valueDate").asText())
                .isEqualTo("AUTO_DEBIT SUCCEEDED " + firstDue.toPlainString() + " " + firstDate);
        assertThat(call("GET", api.resolve("/v1/loans/" + loan + "/schedule"), token, null).get(0).path("settledOn").asText())
                .isEqualTo(firstDate.toString());

        // the account runs dry: the second installment's auto-debits fail, and five days on the loan is overdue
        scenario("collection-insufficient-funds");
        LocalDate second = LocalDate.parse(schedule.get(1).path("dueDate").asText());
        LocalDate later = second.plusDays(5);
        JsonNode moved = moveTo(later);
        assertThat(moved.path("servicing").size()).isPositive();
        List<String> templates = stack.simulators().requests("/v1/messages").stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString()).path("template").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(templates).contains("DUE_REMINDER", "OVERDUE_SMS");
        JsonNode failed = call("GET", repayments, token, null);
        assertThat(failed.findValuesAsText("status").stream().filter("FAILED"::equals).count())
                .as("the due date, and days 1 and 3 past it: " + failed).isEqualTo(3);
        assertThat(failed.findValuesAsText("reason")).contains("INSUFFICIENT_FUNDS");

        JsonNode then = call("GET", api.resolve("/v1/loans/" + loan), token, null);
        assertThat(then.path("daysPastDue").asLong()).as(then.toString()).isEqualTo(5);
        assertThat(then.path("fiveTierClass").asText()).as("classified by the daily run").isEqualTo("SPECIAL_MENTION");
        assertThat(new BigDecimal(then.path("overduePrincipal").asText()).add(new BigDecimal(then.path("overdueInterest")
                .asText()))).as(then.toString()).isPositive();

        // the borrower pays it all off: the rail takes it PENDING and settles it by a callback delivered three times
        scenario("collection-pending");
        String payoff = then.path("payoff").asText();
        JsonNode pending = call("POST", repayments, token, Map.of("amount", payoff));
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        URI repayment = api.resolve("/v1/loans/" + loan + "/repayments/" + pending.path("repaymentId").asText());
        JsonNode succeeded = until(token, repayment, "status", "SUCCEEDED");
        Thread.sleep(1500);
        scenario("normal");
        assertThat(succeeded.path("valueDate").asText()).isEqualTo(later.toString());
        assertThat(succeeded.at("/posted/settled").asBoolean()).as(succeeded.toString()).isTrue();
        assertThat(succeeded.at("/posted/unapplied").asText()).isEqualTo("0.00");
        JsonNode paidOff = call("GET", api.resolve("/v1/loans/" + loan), token, null);
        assertThat(paidOff.path("status").asText()).isEqualTo("SETTLED");
        assertThat(new BigDecimal(paidOff.path("outstandingPrincipal").asText())).isZero();
        assertThat(call("GET", repayment, token, null).path("posted").path("transactionId").asText())
                .as("the three deliveries booked one transaction")
                .isEqualTo(succeeded.at("/posted/transactionId").asText());
    }

    @Test
    void onePerson_throughASecondAccount_cannotPassTheLimit() throws Exception {
        URI api = stack.api();
        // one person (the same ID number) asking through two accounts of the app
        Map<String, Object> first = Demo.form("RENOVATION", "150000.00", 36, "EQUAL_INSTALLMENT", "1983-08-19",
                "30000.00", "8000.00", "600000.00", "0.00", "240000.00", today());
        Map<String, Object> second = new java.util.LinkedHashMap<>(first);
        second.put("amount", "80000.00");
        String one = token("b-" + UUID.randomUUID(), "borrower");
        String other = token("b-" + UUID.randomUUID(), "borrower");

        String firstId = call("POST", api.resolve("/v1/applications"), one, first).path("applicationId").asText();
        JsonNode held = untilPast(one, api.resolve("/v1/applications/" + firstId), "RECEIVED", "APPLIED", "IDENTITY_VERIFIED");
        assertThat(held.path("status").asText()).as(held.toString()).isIn("SCORED", "IN_REVIEW", "QUOTED");
        String secondId = call("POST", api.resolve("/v1/applications"), other, second).path("applicationId").asText();
        JsonNode refused = until(other, api.resolve("/v1/applications/" + secondId), "status", "DECLINED");

        assertThat(refused.path("decision").toString()).as(refused.toString()).contains("EXPOSURE_LIMIT");

        // nobody answers the first: past the review's and the offer's waits it expires, and the room comes back
        moveTo(today().plusDays(8));
        assertThat(untilPast(one, api.resolve("/v1/applications/" + firstId), "SCORED", "IN_REVIEW", "QUOTED")
                .path("status").asText()).isEqualTo("EXPIRED");
        Map<String, Object> again = new java.util.LinkedHashMap<>(second);
        again.put("applicationDate", today().toString());
        String againId = call("POST", api.resolve("/v1/applications"), other, again).path("applicationId").asText();
        JsonNode room = untilPast(other, api.resolve("/v1/applications/" + againId), "RECEIVED", "APPLIED",
                "IDENTITY_VERIFIED");
        assertThat(room.path("status").asText()).as(room.toString()).isIn("SCORED", "IN_REVIEW", "QUOTED");
    }

    @Test
    void opsStartTheServicingRunForAPastDay_anExecutionOfTheServicingMachine_readLikeAnyOther() throws Exception {
        URI api = stack.api();
        String ops = token("ops-1", "operator");
        LocalDate yesterday = today().minusDays(1);

        JsonNode started = call("POST", api.resolve("/v1/ops/servicing-runs"), ops,
                Map.of("businessDate", yesterday.toString(), "reason", "the schedule was off"));
        String arn = started.path("executionArn").asText();
        assertThat(arn).contains(":execution:servicing:servicing-" + yesterday);
        for (int i = 0; i < 300 && stack.states().execution(arn).running(); i++) {
            Thread.sleep(100);
        }
        assertThat(stack.states().execution(arn).status).isEqualTo("SUCCEEDED");
        assertThat(call("GET", api.resolve("/v1/ops/executions/" + arn), ops, null).toString())
                .contains("Loans", "Lines", "Serviced");
    }

    @Test
    void aMinorWhoDatesTheApplicationAYearAhead_isRefused_andOnTheServersDateIsDeclinedForAge() throws Exception {
        URI api = stack.api();
        String token = token("b-" + UUID.randomUUID(), "borrower");
        // 17 and a half today: 18 on the date the client sends
        Map<String, Object> minor = Demo.form("EMERGENCY", "3000.00", 3, "DAILY_ACCRUAL",
                today().minusYears(17).minusMonths(6).toString(), "12000.00", "3500.00", "80000.00", "0.00", "6000.00",
                today().plusYears(1));

        HttpResponse<String> refused = send("POST", api.resolve("/v1/applications"), token, minor, UUID.randomUUID().toString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).at("/errors/0/field").asText()).isEqualTo("/applicationDate");
        assertThat(refused.body()).contains("send today's date, " + today());

        minor.put("applicationDate", today().toString());
        String id = call("POST", api.resolve("/v1/applications"), token, minor).path("applicationId").asText();
        JsonNode declined = until(token, api.resolve("/v1/applications/" + id), "status", "DECLINED");
        assertThat(declined.path("decision").toString()).contains("AGE_OUT_OF_RANGE");
    }

    /** Waits until the application's status is none of {@code passing}. */
    private static JsonNode untilPast(String token, URI uri, String... passing) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 600; i++) {
            last = call("GET", uri, token, null);
            if (!List.of(passing).contains(last.path("status").asText())) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(uri + " stayed in " + List.of(passing) + ": " + last);
    }

    private static final String EXECUTIONS = "arn:aws:states:us-east-1:000000000000:execution:origination:";

    /** Waits until the execution has started a task in {@code state} (its last entered state, with a TaskStarted after it). */
    private static void runningTaskOf(String executionArn, String state) throws Exception {
        for (int i = 0; i < 600; i++) {
            List<com.fasterxml.jackson.databind.node.ObjectNode> events = stack.states().execution(executionArn).history();
            String entered = null;
            boolean started = false;
            for (JsonNode e : events) {
                if (e.has("stateEnteredEventDetails")) {
                    entered = e.at("/stateEnteredEventDetails/name").asText();
                    started = false;
                } else if ("TaskStarted".equals(e.path("type").asText())) {
                    started = true;
                }
            }
            if (state.equals(entered) && started) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(executionArn + " never ran " + state);
    }

    private static JsonNode accept(String token, String id) throws Exception {
        HttpResponse<String> acceptance = StackClient.accept(stack.api(), id, token);
        assertThat(acceptance.statusCode()).as(acceptance.body()).isEqualTo(200);
        return JSON.readTree(acceptance.body());
    }

    @Test
    void theStackCounts_whatAwsWouldBill_byFunctionWorkflowTypeTableAndApi() throws Exception {
        org.microloan.localstack.metering.Meter.Reading before = stack.meter().reading();
        long applied = stack.host().usage().getOrDefault("apply", new org.microloan.localstack.lambda.LambdaHost.Usage(
                0, 0, 0, 0, 0)).invocations();
        String token = token("b-" + UUID.randomUUID(), "borrower");
        String id = call("POST", stack.api().resolve("/v1/applications"), token, form()).path("applicationId").asText();
        until(token, stack.api().resolve("/v1/applications/" + id), "status", "QUOTED");

        org.microloan.localstack.metering.Meter.Reading counted = stack.meter().reading().minus(before);
        assertThat(counted.expressRequests().get("decisioning")).as("one sprint").isGreaterThanOrEqualTo(1L);
        assertThat(counted.expressGbSeconds().get("decisioning")).isPositive();
        assertThat(counted.transitions().get("origination")).as("the Standard workflow's transitions").isPositive();
        assertThat(counted.writeUnits()).as("DynamoDB's consumed write capacity").isPositive();
        assertThat(counted.readUnits()).as("and read capacity").isPositive();
        assertThat(counted.apiRequests()).isGreaterThanOrEqualTo(2);
        assertThat(stack.host().usage().get("apply").invocations()).isGreaterThan(applied);
        assertThat(stack.host().usage().get("apply").gbSeconds()).isPositive();
    }

    @Test
    void aFunctionKilledMidRun_isRetried_andAStoppedExecutionIsRedrivenByOps_withoutASecondPayout() throws Exception {
        String borrower = "b-" + UUID.randomUUID();
        String token = token(borrower, "borrower");
        String ops = token("ops-1", "operator");
        URI api = stack.api();
        URI aws = stack.aws();

        // verify-identity is killed while it waits on a slow KYC provider, inside the Express sprint: Lambda.Unknown,
        // retried; the dead try's claim on the step holds until the function's time-out, then the step runs once
        call("POST", aws.resolve("/_local/scenarios/kyc-timeout"), null, Map.of());
        int asked = stack.simulators().requests("/v1/verifications").size();
        String id = call("POST", api.resolve("/v1/applications"), token, form()).path("applicationId").asText();
        String arn = EXECUTIONS + id;
        runningTaskOf(arn, "Decisioning");
        for (int i = 0; i < 500 && stack.simulators().requests("/v1/verifications").size() == asked; i++) {
            Thread.sleep(20);
        }
        // killed before the provider recovers, so the function's own HTTP retry cannot finish the step first
        stack.host().process("verify-identity").destroyForcibly();
        call("POST", aws.resolve("/_local/scenarios/normal"), null, Map.of());
        until(token, api.resolve("/v1/applications/" + id), "status", "QUOTED");
        // retried inside the Express sprint, whose log (not a history) shows it
        assertThat(stack.states().expressLog()).anySatisfy(e ->
                assertThat(e.at("/taskFailedEventDetails/error").asText()).isEqualTo("Lambda.Unknown"));

        // stopped while the rail is paying out; ops redrive it; the rail is asked again with the same key: one payout
        call("POST", aws.resolve("/_local/scenarios/rail-slow"), null, Map.of());
        accept(token, id);
        runningTaskOf(arn, "Disburse");
        HttpResponse<String> stopped = HTTP.send(HttpRequest.newBuilder(aws.resolve("/"))
                .header("X-Amz-Target", "AWSStepFunctions.StopExecution").header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"executionArn\":\"" + arn + "\",\"error\":\"Ops\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        call("POST", aws.resolve("/_local/scenarios/normal"), null, Map.of());
        assertThat(call("GET", api.resolve("/v1/ops/executions?status=ABORTED"), ops, null).path("executions").toString())
                .contains(id);

        assertThat(send("POST", api.resolve("/v1/ops/executions/" + arn + "/redrive"), ops, null, UUID.randomUUID().toString())
                .statusCode()).isEqualTo(202);
        until(token, api.resolve("/v1/applications/" + id), "status", "DISBURSED");

        assertThat(call("GET", api.resolve("/v1/loans"), token, null).size()).isEqualTo(1);
        var payouts = stack.simulators().requests("/v1/payouts").stream()
                .filter(r -> r.getBodyAsString().contains(id)).toList();
        // the stopped call may still be in its delay when the journal is read: at most one key, never two
        assertThat(payouts.stream().map(r -> r.getHeader("Idempotency-Key")).distinct()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aPartnersApplication_movesAndThePartnerIsToldOfEachStep_signed() throws Exception {
        byte[] body = JSON.writeValueAsBytes(Map.of("merchantReference", "shop-" + UUID.randomUUID(),
                "application", form()));
        String webhookId = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(stack.clock().now().getEpochSecond());
        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(stack.api().resolve("/v1/partners/demo/applications"))
                .header("Content-Type", "application/json").header("webhook-id", webhookId)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", WebhookSignature.sign(LocalStack.DEMO_PARTNER_SECRET, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).path("applicationId").asText();

        List<String> told = List.of();
        for (int i = 0; i < 300 && !told.contains("QUOTED"); i++) {
            Thread.sleep(100);
            told = toldToPartner(id);
        }
        assertThat(told).contains("RECEIVED", "APPLIED", "IDENTITY_VERIFIED", "SCORED", "QUOTED");
        var notice = stack.simulators().requests("/partners/demo/hooks").stream()
                .filter(r -> r.getBodyAsString().contains(id)).findFirst().orElseThrow();
        assertThat(WebhookSignature.refusal(LocalStack.DEMO_PARTNER_SECRET, notice.getHeader("webhook-id"),
                notice.getHeader("webhook-timestamp"), notice.getHeader("webhook-signature"),
                notice.getBodyAsString().getBytes(java.nio.charset.StandardCharsets.UTF_8), stack.clock().now())).isNull();
        assertThat(notice.getBodyAsString()).doesNotContain("138").doesNotContain("张");

        // the borrower accepts: the partner has a code texted to the mobile on the application and relays it
        HttpResponse<String> sent = partnerPost("/v1/partners/demo/applications/" + id + "/acceptance-code", new byte[0]);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(sent.body()).contains("138****5678").doesNotContain("13812345678");
        var texted = stack.simulators().requests("/v1/messages").stream()
                .filter(r -> r.getHeader("Idempotency-Key").contains(id)).toList();
        assertThat(texted).hasSize(1);
        String code = JSON.readTree(texted.get(0).getBodyAsString()).at("/params/code").asText();
        HttpResponse<String> accepted = partnerPost("/v1/partners/demo/applications/" + id + "/acceptance",
                JSON.writeValueAsBytes(Map.of("accept", true, "code", code)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        for (int i = 0; i < 300 && !told.contains("DISBURSED"); i++) {
            Thread.sleep(100);
            told = toldToPartner(id);
        }
        assertThat(told).contains("ACCEPTED", "DISBURSED");
    }

    /** The statuses the demo partner has been told of for application {@code id}. */
    private static List<String> toldToPartner(String id) {
        return stack.simulators().requests("/partners/demo/hooks").stream()
                .filter(r -> r.getBodyAsString().contains(id))
                .map(r -> {
                    try {
                        return JSON.readTree(r.getBodyAsString()).at("/data/status").asText();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    /** A signed delivery from the demo partner, stamped with the stack's clock. */
    private HttpResponse<String> partnerPost(String path, byte[] body) throws Exception {
        String webhookId = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(stack.clock().now().getEpochSecond());
        return HTTP.send(HttpRequest.newBuilder(stack.api().resolve(path))
                .header("Content-Type", "application/json").header("webhook-id", webhookId)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", WebhookSignature.sign(LocalStack.DEMO_PARTNER_SECRET, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDemo_showsEachKindOfApplication_asTheStackAnswersIt() throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        new Demo(stack, new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8)).run();
        String text = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).containsPattern("1\\. An emergency loan .*EMERGENCY 3000\\.00 → APPROVE in \\d+ ms, APR \\d+\\.\\d+%")
                .containsPattern("2\\. A renovation loan .*RENOVATION 80000\\.00 → APPROVE")
                .containsPattern("3\\. .*→ DECLINED in \\d+ ms, because There are past default records")
                .containsPattern("4\\. A large renovation loan .*→ APPROVED by a reviewer and confirmed by a supervisor")
                .contains("5. From partner 'demo' by signed webhook: 202");
        assertThat(text.split("accepted → DISBURSED", -1)).hasSize(4);
        // 受托支付: the renovation loans were paid to the merchant's account, none to the borrower's
        assertThat(stack.simulators().requests("/v1/payouts").stream().map(r -> r.getBodyAsString())
                .filter(body -> body.contains("\"payee\":\"MERCHANT\""))).isNotEmpty()
                .allSatisfy(body -> assertThat(body).contains(Demo.MERCHANT.get("account"))
                        .doesNotContain("6222021234567890123"));
    }
}
