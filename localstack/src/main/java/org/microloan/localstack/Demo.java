package org.microloan.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.microloan.identity.ResidentId;
import org.microloan.partner.WebhookSignature;

/**
 * What the stack shows on start, over its own HTTP API as an app, a partner and an operator would use
 * it: an emergency loan approved in seconds, a renovation loan quoted and accepted, one declined with
 * its reasons, a large one sent to a person and approved by ops, and one a partner sent by webhook.
 */
public final class Demo {

    private static final ObjectMapper JSON = StackClient.JSON;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalStack stack;
    private final PrintStream out;

    public Demo(LocalStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    /** A form as the app sends it; personal data is a made-up person's. */
    /** The renovation company a demo borrower's loan pays (a valid credit code, its own account). */
    static final Map<String, String> MERCHANT = Map.of("name", "北京好家装饰工程有限公司",
            "account", "6217000010009876543", "creditCode", "91110108MA01ABCD1E");

    static Map<String, Object> form(String product, String amount, int months, String method, String born,
                                    String income, String expenses, String assets, String debt, String priceOfGoods,
                                    LocalDate today) {
        // a new person each run, so a kept stack's demo never meets the limits of the demos before it
        String seventeen = "110105" + born.replace("-", "") + String.format("%03d",
                java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("productCode", product);
        form.put("amount", amount);
        form.put("termMonths", months);
        form.put("method", method);
        form.put("frequency", "MONTHLY");
        form.put("applicationDate", today.toString());
        form.put("personal", Map.of("name", "张三", "idNumber", seventeen + ResidentId.checkCharacter(seventeen),
                "mobile", "13812345678", "bankAccount", "6222021234567890123", "livenessToken", "lv_demo_sdk_token"));
        Map<String, Object> finances = new LinkedHashMap<>();
        finances.put("monthlyIncome", income);
        finances.put("monthlyExpenses", expenses);
        finances.put("assets", assets);
        finances.put("debt", debt);
        finances.put("priceOfGoods", priceOfGoods);
        finances.put("seniorityYears", 8);
        finances.put("home", "OWNER");
        finances.put("marital", "MARRIED");
        finances.put("job", "FIXED");
        form.put("finances", finances);
        form.put("consent", Map.of("version", "2026-01", "acceptedAt", Instant.now().toString()));
        if (product.equals("RENOVATION")) {
            // 受托支付: the renovation company is paid, not the borrower
            form.put("payee", MERCHANT);
        }
        return form;
    }

    public void run() throws Exception {
        LocalDate today = stack.today();
        String ops = stack.tokens().token("reviewer-demo", "reviewer", Duration.ofHours(1));
        out.println("\nDemo (add --no-demo to skip it):");

        Map<String, Object> emergency = form("EMERGENCY", "3000.00", 3, "DAILY_ACCRUAL", "1996-05-04", "12000.00",
                "3500.00", "80000.00", "0.00", "6000.00", today);
        follow("1. An emergency loan", emergency, true, null);

        Map<String, Object> renovation = form("RENOVATION", "80000.00", 36, "EQUAL_INSTALLMENT", "1985-03-12", "30000.00",
                "8000.00", "600000.00", "0.00", "240000.00", today);
        follow("2. A renovation loan", renovation, true, null);

        stack.simulators().scenario("bureau-past-defaults");
        try {
            follow("3. An emergency loan, with past defaults at the bureau", form("EMERGENCY", "2000.00", 1,
                    "DAILY_ACCRUAL", "1994-07-21", "9000.00", "3000.00", "20000.00", "0.00", "4000.00", today), false, null);
        } finally {
            stack.simulators().scenario("normal");
        }

        Map<String, Object> large = form("RENOVATION", "180000.00", 60, "EQUAL_INSTALLMENT", "1990-01-15", "14000.00",
                "6000.00", "150000.00", "20000.00", "360000.00", today);
        follow("4. A large renovation loan", large, true, ops);

        partner(today);
        out.println("\nA borrower above reads their loans with a token: java -jar cli/target/loanctl.jar token --role borrower"
                + " --subject <borrower>, then GET " + stack.api() + "/v1/loans");
    }

    /** Applies, waits for the decision, has ops review it if it was referred, accepts an offer, waits for the payout. */
    private String follow(String title, Map<String, Object> form, boolean accept, String ops) throws Exception {
        String borrower = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        String token = stack.tokens().token(borrower, "borrower", Duration.ofHours(1));
        Instant start = Instant.now();
        JsonNode accepted = call("POST", stack.api().resolve("/v1/applications"), token, form);
        String id = accepted.path("applicationId").asText();
        URI status = stack.api().resolve("/v1/applications/" + id);
        JsonNode app = settle(status, token);
        String approvedBy = null;
        if ("IN_REVIEW".equals(app.path("status").asText()) && ops != null) {
            approvedBy = "a reviewer";
            out.printf("%s: %s %s referred to a person (%s) after %d ms%n", title, form.get("productCode"), form.get("amount"),
                    reasons(app), Duration.between(start, Instant.now()).toMillis());
            HttpResponse<String> decided = StackClient.send("POST", stack.api().resolve("/v1/ops/reviews/" + id), ops,
                    Map.of("approve", true, "reason", "stable salaried income; the renovation contract checked"),
                    UUID.randomUUID().toString());
            if (decided.statusCode() == 202) {
                // above the maker-checker line: a second person confirms
                approvedBy = "a reviewer and confirmed by a supervisor (maker-checker)";
                call("POST", stack.api().resolve("/v1/ops/reviews/" + id + "/confirmation"),
                        stack.tokens().token("supervisor-demo", "supervisor", Duration.ofHours(1)),
                        Map.of("agree", true, "reason", "income and contract seen; agree"));
            } else if (decided.statusCode() != 200) {
                throw new IllegalStateException("the review was refused: " + decided.body());
            }
            // an approval leaves the application IN_REVIEW until the workflow has quoted it
            for (int i = 0; i < 600 && "IN_REVIEW".equals(app.path("status").asText()); i++) {
                Thread.sleep(100);
                app = settle(status, token);
            }
        }
        long millis = Duration.between(start, Instant.now()).toMillis();
        title = title + " (borrower " + borrower + ")";
        String state = app.path("status").asText();
        if (!"QUOTED".equals(state)) {
            out.printf("%s: %s %s → %s in %d ms%s%n", title, form.get("productCode"), form.get("amount"), state, millis,
                    reasons(app).isEmpty() ? "" : ", because " + reasons(app));
            return id;
        }
        JsonNode offer = app.path("offer");
        out.printf("%s: %s %s → %s in %d ms, APR %s%%, rate %s, first installment %s%n", title, form.get("productCode"),
                form.get("amount"), approvedBy != null ? "APPROVED by " + approvedBy : app.at("/decision/outcome").asText("APPROVE"), millis, offer.path("apr").asText("?"),
                offer.path("rate").asText(offer.path("annualRate").asText("?")), firstLine(offer));
        if (accept) {
            StackClient.accept(stack.api(), id, token);
            JsonNode paid = settle(status, token);
            JsonNode loans = call("GET", stack.api().resolve("/v1/loans"), token, null);
            out.printf("   accepted → %s; loan %s, %d installments%n", paid.path("status").asText(),
                    loans.path(0).path("loanId").asText("?"), loans.isEmpty() ? 0
                            : call("GET", stack.api().resolve("/v1/loans/" + loans.get(0).path("loanId").asText()
                            + "/schedule"), token, null).size());
        }
        return id;
    }

    private void partner(LocalDate today) throws Exception {
        byte[] body = JSON.writeValueAsBytes(Map.of("merchantReference", "shop-42", "application",
                form("EMERGENCY", "1500.00", 1, "DAILY_ACCRUAL", "1998-11-02", "10000.00", "3000.00", "30000.00", "0.00",
                        "3000.00", today)));
        String webhookId = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(stack.clock().now().getEpochSecond());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.api().resolve("/v1/partners/demo/applications"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").header("webhook-id", webhookId)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", WebhookSignature.sign(LocalStack.DEMO_PARTNER_SECRET, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        String id = JSON.readTree(response.body()).path("applicationId").asText();
        out.printf("5. From partner 'demo' by signed webhook: %d, application %s; the partner is told of each step at %s%n",
                response.statusCode(), id, stack.simulators().url() + "/partners/demo/hooks");
    }

    /** Waits until the application stops moving on its own (an offer, a decline, a review, a payout, a failure). */
    private JsonNode settle(URI status, String token) throws Exception {
        JsonNode app = null;
        for (int i = 0; i < 600; i++) {
            app = call("GET", status, token, null);
            String s = app.path("status").asText();
            if (s.equals("QUOTED") || s.equals("DECLINED") || s.equals("IN_REVIEW") || s.equals("DISBURSED")
                    || s.equals("FAILED") || s.equals("EXPIRED")) {
                return app;
            }
            Thread.sleep(100);
        }
        return app;
    }

    private static String reasons(JsonNode app) {
        StringBuilder text = new StringBuilder();
        app.at("/decision/reasons").forEach(r -> text.append(text.length() == 0 ? "" : "; ").append(r.path("en").asText())
                .append(" (").append(r.path("zh").asText()).append(")"));
        return text.toString();
    }

    private static String firstLine(JsonNode offer) {
        JsonNode first = offer.at("/schedule/installments/0");
        if (first.isMissingNode()) {
            first = offer.at("/schedule/0");
        }
        return first.isMissingNode() ? "?" : first.path("dueDate").asText() + " " + first.path("total").asText();
    }

    private static JsonNode call(String method, URI uri, String token, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = StackClient.send(method, uri, token, body, UUID.randomUUID().toString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + uri.getPath() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }
}
