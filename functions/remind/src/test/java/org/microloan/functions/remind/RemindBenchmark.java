package org.microloan.functions.remind;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;

/**
 * The daily run over 100,000 loans in the books (3 installments each), pages of 500 through the Lambda
 * mock event server as the scheduler's state machine would call them. About 2% of the loans due before
 * the business date are unpaid (SMS or negotiation), and loans due in three days get their reminder.
 * Reports wall time, loans a second, contacts, and the peak heap. Run: see README (Benchmarks).
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
class RemindBenchmark {

    static final int LOANS = Integer.getInteger("loans", 100_000);
    static final int PAGE = Integer.getInteger("page", 500);
    static final LocalDate BUSINESS_DATE = LocalDate.parse("2026-02-10");

    @Inject
    Pool db;

    @Inject
    ApplicationIntake intake;

    @Test
    void dailyRunOver100000Loans() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long peakHeap = memory.getHeapMemoryUsage().getUsed();
        // the mock event server, called as the state machine would: a plain HTTP client, not the test's REST DSL,
        // whose per-call work (Groovy) would be a fifth of what is measured
        URI lambda = URI.create(RestAssured.baseURI + ":" + RestAssured.port + RestAssured.basePath);
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        long start = System.nanoTime();
        String after = null;
        boolean more = true;
        int pages = 0;
        long loans = 0;
        long contacts = 0;
        long sent = 0;
        Instant now = Instant.parse("2026-02-10T02:00:00Z");
        while (more) {
            Map<String, Object> event = new HashMap<>(Map.of("businessDate", BUSINESS_DATE.toString(), "pageSize", PAGE,
                    "now", now.toString()));
            if (after != null) {
                event.put("after", after);
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(lambda).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("page " + pages + ": " + answer.statusCode() + " " + answer.body());
            }
            JsonNode page = json.readTree(answer.body());
            after = page.path("lastLoanId").asText(null);
            more = page.path("more").asBoolean();
            loans += page.path("loans").asInt();
            contacts += page.path("contactsRecorded").asInt();
            sent += page.path("sent").asInt();
            pages++;
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String report = String.format(java.util.Locale.ROOT,
                "remind over %d loans (%d installments) for %s, pages of %d:%n"
                        + "  seeded the books in %.1f s%n"
                        + "  run: %d pages, %d loans in %.1f s = %.0f loans/s, %.1f ms a page%n"
                        + "  contacts recorded %d, messages sent %d%n"
                        + "  peak heap used %d MB (max heap %d MB)%n",
                LOANS, LOANS * 3, BUSINESS_DATE, PAGE, seedSeconds, pages, loans, seconds, loans / seconds,
                seconds * 1000 / pages, contacts, sent, peakHeap / (1024 * 1024),
                memory.getHeapMemoryUsage().getMax() / (1024 * 1024));
        System.out.println(report);
        Files.writeString(Path.of("target", "remind-benchmark.txt"), report);
        if (loans != LOANS) {
            throw new AssertionError("the run saw " + loans + " loans, not " + LOANS);
        }
    }

    /** Unpaid and due before the business date, or due three days after it (started on 13 January). */
    private static boolean contacted(int i) {
        return (i % 50 == 0 && i % 30 < 9) || i % 30 == 12;
    }

    /** Loans starting over 30 days of January, 3 monthly installments of 5,000 at 12%; 98% paid what was due. */
    private void seed() {
        String loanSql = "insert into loan (id, application_id, borrower_id, product_code, principal_fen, annual_rate,"
                + " method, day_count, start_date, payout_reference, booked_at, frequency, rounding, status,"
                + " five_tier_class, with_agency, flagged_for_review) values ($1, $2, $3, 'EMERGENCY', 500000, 0.12,"
                + " 'EQUAL_PRINCIPAL', '30/360', $4, $5, now(), 'MONTHLY', 'HALF_UP', 'ACTIVE', 'NORMAL', false, false)";
        String installmentSql = "insert into installment (id, loan_id, number, due_date, principal_fen, interest_fen,"
                + " balance_fen, period_start, period_months, period_rate, paid_principal_fen, paid_interest_fen,"
                + " penalty_accrued_fen, paid_penalty_fen, settled_on) values ($1, $2, $3, $4, $5, $6, $7, $8, 1, 0.01,"
                + " $9, $10, 0, 0, $11)";
        int batch = 2_000;
        for (int from = 0; from < LOANS; from += batch) {
            List<Tuple> loans = new ArrayList<>();
            List<Tuple> installments = new ArrayList<>();
            for (int i = from; i < Math.min(LOANS, from + batch); i++) {
                String loanId = String.format("L%07d", i);
                LocalDate start = LocalDate.parse("2026-01-01").plusDays(i % 30);
                loans.add(Tuple.of(loanId, "app-" + loanId, "bench-" + (i % 50_000), start, "po-" + loanId));
                if (contacted(i)) {
                    // the borrowers the run will write to: their registered mobile is on their sealed application
                    intake.submit("app-" + loanId, "bench-" + (i % 50_000), Forms.emergency(), Instant.now());
                }
                long balance = 500_000;
                for (int n = 1; n <= 3; n++) {
                    long principal = n < 3 ? 166_667 : 166_666;
                    long interest = balance / 100;
                    balance -= principal;
                    LocalDate due = start.plusMonths(n);
                    boolean paid = due.isBefore(BUSINESS_DATE) && i % 50 != 0;
                    installments.add(Tuple.tuple().addString(loanId + "-" + n).addString(loanId).addInteger(n)
                            .addLocalDate(due).addLong(principal).addLong(interest).addLong(balance)
                            .addLocalDate(start.plusMonths(n - 1)).addLong(paid ? principal : 0L)
                            .addLong(paid ? interest : 0L).addLocalDate(paid ? due : null));
                }
            }
            db.preparedQuery(loanSql).executeBatch(loans).await().atMost(Duration.ofMinutes(2));
            db.preparedQuery(installmentSql).executeBatch(installments).await().atMost(Duration.ofMinutes(2));
        }
    }
}
