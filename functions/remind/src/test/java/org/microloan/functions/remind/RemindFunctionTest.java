package org.microloan.functions.remind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microloan.ledger.Books;
import org.microloan.ledger.Collections;
import org.microloan.ledger.ContactRecord;
import org.microloan.ledger.CreditLines;
import org.microloan.ledger.Disbursement;
import org.microloan.ledger.Loan;
import org.microloan.ledger.LoanState;
import org.microloan.ledger.PayoffExceededException;
import org.microloan.ledger.Repayment;
import org.microloan.ledger.Repayments;
import org.microloan.ledger.ServicingRun;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.schedule.BusinessDate;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A loan of 12,000 over 12 months from 2026-01-15 (first due 2026-02-15) left unpaid, walked through the
 * daily run: the reminder, then 5, 40, 95, 280 and 370 days overdue, each with its class and contact,
 * nothing at night, nothing twice, and at last a pay-off to zero.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
class RemindFunctionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate FIRST_DUE = LocalDate.parse("2026-02-15");

    @Inject
    ApplicationIntake intake;

    @Inject
    Books books;

    @Inject
    Repayments repayments;

    @Inject
    ServicingRun run;

    @Inject
    CreditLines lines;

    @Inject
    Collections collections;

    /** These borrowers' accounts have no money: every auto-debit fails, and the loans stay unpaid. */
    @BeforeEach
    void accountsAreEmpty() {
        ProviderStubs.reset();
        ProviderStubs.collections("FAILED", "INSUFFICIENT_FUNDS");
    }

    @AfterEach
    void railSucceedsAgain() {
        ProviderStubs.reset();
    }

    private Loan loan() {
        return loan(Forms.emergency(), LocalDate.parse("2026-01-15"), null);
    }

    private Loan loan(ApplicationForm form, LocalDate start, LocalDate firstDue) {
        String app = UUID.randomUUID().toString();
        intake.submit(app, "b-" + UUID.randomUUID(), form, Instant.now());
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(Money.of("12000"), new BigDecimal("0.10"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, Frequency.MONTHLY, start, firstDue,
                RoundingMode.HALF_UP, Money.ZERO));
        return books.bookDisbursement(new Disbursement(app, "b-1", "EDUCATION", "po-" + app, schedule)).await().atMost(WAIT);
    }

    private static RequestPatternBuilder collectionsFrom(String account) {
        return postRequestedFor(urlEqualTo("/v1/collections")).withRequestBody(matchingJsonPath("$.payerAccount",
                WireMock.equalTo(account)));
    }

    @Test
    void onTheDueDate_theAutoDebitCollectsWhatIsDue_fromTheBoundAccount_andBooksIt_once() {
        String account = "62220200" + (System.nanoTime() % 100_000_000L + 100_000_000L);
        ProviderStubs.collectionsSucceedFrom(account);
        LocalDate today = BusinessDate.today(Clock.systemUTC());
        Loan loan = loan(Forms.withBankAccount(Forms.emergency(), account), today.minusMonths(1), today);
        String due = books.state(loan.id, today).await().atMost(WAIT).nextDueAmount();

        runDay(today, "10:00");
        runDay(today, "11:00");

        var asked = ProviderStubs.server().findAll(collectionsFrom(account));
        assertThat(asked).as("one collection for the day, however often the day runs").hasSize(1);
        assertThat(asked.get(0).getBodyAsString()).contains("\"amount\":\"" + due + "\"");
        LoanState after = books.state(loan.id, today).await().atMost(WAIT);
        assertThat(after.daysPastDue()).isZero();
        assertThat(after.nextDueDate()).isAfter(today);
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
    }

    @Test
    void aFailedAutoDebit_booksNothing_andIsTriedAgainOnlyOnTheRetryDays() {
        Loan loan = loan();

        runDay(FIRST_DUE, "10:00");
        runDay(FIRST_DUE.plusDays(1), "10:00");
        runDay(FIRST_DUE.plusDays(2), "10:00");
        runDay(FIRST_DUE.plusDays(3), "10:00");

        // the due date, then days 1 and 3 past due (not day 2), each failing for want of funds
        assertThat(collections.ofLoan(loan.id).await().atMost(WAIT))
                .extracting(c -> c.origin + " " + c.amountFen + " " + c.status + " " + c.reason)
                .containsExactly("AUTO_DEBIT 105499 FAILED INSUFFICIENT_FUNDS", "AUTO_DEBIT 105531 FAILED INSUFFICIENT_FUNDS",
                        "AUTO_DEBIT 105595 FAILED INSUFFICIENT_FUNDS");
        assertThat(books.state(loan.id, FIRST_DUE.plusDays(3)).await().atMost(WAIT).overduePrincipal())
                .as("nothing booked").isEqualTo("954.99");
    }

    /** The whole run for a day at {@code localTime} in Shanghai, page after page, through the mock event server. */
    private static void runDay(LocalDate date, String localTime) {
        Instant now = Instant.parse(date + "T" + localTime + ":00Z").minus(Duration.ofHours(8));
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> event = new HashMap<>(Map.of("businessDate", date.toString(), "pageSize", 2,
                    "now", now.toString()));
            if (after != null) {
                event.put("after", after);
            }
            var page = given().contentType("application/json").accept("application/json").body(event)
                    .when().post().then().statusCode(200).extract().jsonPath();
            after = page.getString("lastLoanId");
            more = page.getBoolean("more");
        }
    }

    private static RequestPatternBuilder messagesAbout(String contactKind) {
        return postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(matchingJsonPath("$.template",
                WireMock.equalTo(contactKind)));
    }

    private List<ContactRecord> contacts(Loan loan) {
        return run.contactsOf(loan.id).await().atMost(WAIT);
    }

    private String classOf(Loan loan) {
        return books.loan(loan.id).await().atMost(WAIT).fiveTierClass.name();
    }

    @Test
    void aLoanLeftUnpaid_walksThroughEveryTier_andIsPaidOffToZero() {
        Loan loan = loan();

        runDay(FIRST_DUE.minusDays(3), "10:00");
        assertThat(contacts(loan)).extracting(c -> c.kind + " " + c.status).containsExactly("DUE_REMINDER SENT");

        runDay(FIRST_DUE.plusDays(5), "10:00");
        assertThat(classOf(loan)).isEqualTo("SPECIAL_MENTION");
        assertThat(contacts(loan)).extracting(c -> c.kind.name()).contains("OVERDUE_SMS");
        // 1.5 × 10% = 15% is held to the 12% cap (4 × LPR): 954.99 overdue × 12% / 360 = 0.32 a day, for 5 days
        assertThat(books.loan(loan.id).await().atMost(WAIT).installments.stream()
                .filter(i -> i.number == 1).findFirst().orElseThrow().penaltyAccruedFen).isEqualTo(5 * 32);

        runDay(FIRST_DUE.plusDays(40), "10:00");
        assertThat(contacts(loan)).extracting(c -> c.kind + " " + c.status).contains("AGENCY_HANDOVER OPEN");
        assertThat(classOf(loan)).isEqualTo("SPECIAL_MENTION");

        runDay(FIRST_DUE.plusDays(95), "10:00");
        assertThat(classOf(loan)).isEqualTo("SUBSTANDARD");
        runDay(FIRST_DUE.plusDays(280), "10:00");
        assertThat(classOf(loan)).isEqualTo("DOUBTFUL");
        runDay(FIRST_DUE.plusDays(370), "10:00");
        assertThat(classOf(loan)).isEqualTo("LOSS");
        assertThat(run.classificationsOf(loan.id).await().atMost(WAIT)).extracting(c -> c.toClass.name())
                .containsExactly("SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS");
        // asked for once: the hand-over task stays open until a collector hands the loan to an agency
        assertThat(contacts(loan)).filteredOn(c -> c.kind.name().equals("AGENCY_HANDOVER")).hasSize(1);

        LocalDate payDay = FIRST_DUE.plusDays(371);
        Money payoff;
        try {
            repayments.check(new Repayment(loan.id, Money.of("1000000"), payDay, "probe", PrepaymentChoice.SHORTEN_TERM))
                    .await().atMost(WAIT);
            throw new AssertionError("a million is more than this loan's pay-off");
        } catch (PayoffExceededException e) {
            payoff = e.payoff();
        }
        var last = repayments.post(new Repayment(loan.id, payoff, payDay, "final", PrepaymentChoice.SHORTEN_TERM))
                .await().atMost(WAIT);
        assertThat(last.settled()).isTrue();
        assertThat(last.outstandingPrincipal()).isEqualTo("0.00");
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
    }

    @Test
    void theLinesPart_reviewsCreditLinesOnlyAtAQuartersEnd() {
        Loan loan = loan();
        lines.open("b-1", "EDUCATION", Money.of("50000"), new BigDecimal("0.07"), LocalDate.parse("2026-01-15"))
                .await().atMost(WAIT);
        Map<String, Object> midQuarter = Map.of("businessDate", "2026-03-30", "part", "LINES", "pageSize", 50);
        Map<String, Object> quarterEnd = Map.of("businessDate", "2026-03-31", "part", "LINES", "pageSize", 50);

        given().contentType("application/json").body(midQuarter).when().post().then().statusCode(200)
                .body("more", equalTo(false));
        // the scheduler sends only its time: 23:30 UTC on 29 March is 07:30 on the 30th in China
        given().contentType("application/json").body(Map.of("now", "2026-03-29T23:30:00Z", "part", "LINES",
                "pageSize", 50)).when().post().then().statusCode(200).body("businessDate", equalTo("2026-03-30"))
                .body("more", equalTo(false));
        assertThat(lines.line("b-1", "EDUCATION").await().atMost(WAIT).reviewedOn).isNull();

        String after = null;
        do {
            Map<String, Object> event = new HashMap<>(quarterEnd);
            if (after != null) {
                event.put("after", after);
            }
            after = given().contentType("application/json").body(event).when().post().then().statusCode(200)
                    .extract().path("lastLoanId");
        } while (after != null);

        // the loan's February and March installments are unpaid on 31 March: more than 30 days late
        assertThat(lines.line("b-1", "EDUCATION").await().atMost(WAIT).frozen).isTrue();
        assertThat(loan.id).isNotNull();
    }

    @Test
    void atNight_nothingIsSent_untilEightInTheMorning_andARerunSendsNothingTwice() {
        Loan loan = loan();
        LocalDate date = FIRST_DUE.plusDays(3);
        int before = ProviderStubs.server().findAll(messagesAbout("OVERDUE_SMS")).size();

        runDay(date, "23:30");
        assertThat(contacts(loan)).filteredOn(c -> c.businessDate.equals(date))
                .extracting(c -> c.kind + " " + c.status).containsExactly("OVERDUE_SMS DEFERRED");
        assertThat(ProviderStubs.server().findAll(messagesAbout("OVERDUE_SMS"))).hasSize(before);

        runDay(date, "23:45");
        assertThat(contacts(loan)).filteredOn(c -> c.businessDate.equals(date)).hasSize(1);

        runDay(date.plusDays(1), "08:05");
        assertThat(contacts(loan)).filteredOn(c -> c.businessDate.equals(date))
                .extracting(c -> c.status.name()).containsExactly("SENT");
        String masked = ProviderStubs.server().findAll(messagesAbout("OVERDUE_SMS")).get(before).getBodyAsString();
        assertThat(masked).contains("138****5678");
        assertThat(masked.replace("\"to\":\"13812345678\"", "")).doesNotContain("13812345678");
    }

    @Test
    void aMessageTheProviderRefuses_failsTheCall_afterTheOthersWent_andTheRetrySendsOnlyWhatIsLeft() {
        // 3 and 4 days late on 18 February 2028, dates no other test runs
        Loan goes = loan(Forms.emergency(), LocalDate.parse("2028-01-15"), LocalDate.parse("2028-02-15"));
        Loan refused = loan(Forms.emergency(), LocalDate.parse("2028-01-14"), LocalDate.parse("2028-02-14"));
        LocalDate date = LocalDate.parse("2028-02-18");
        StubMapping down = ProviderStubs.server().stubFor(post(urlEqualTo("/v1/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.params.days", WireMock.equalTo("4")))
                .willReturn(aResponse().withStatus(503)));

        given().contentType("application/json").accept("application/json").body(Map.of("businessDate", date.toString(),
                "now", Instant.parse(date + "T02:00:00Z").toString())).when().post().then().statusCode(500);
        assertThat(contacts(goes)).extracting(c -> c.kind + " " + c.status).containsExactly("OVERDUE_SMS SENT");
        assertThat(contacts(refused)).extracting(c -> c.kind + " " + c.status).containsExactly("OVERDUE_SMS DUE");

        ProviderStubs.server().removeStub(down);
        runDay(date, "10:05");
        assertThat(contacts(refused)).extracting(c -> c.status.name()).containsExactly("SENT");
        String sentFirst = contacts(goes).get(0).id;
        assertThat(ProviderStubs.server().findAll(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("Idempotency-Key", WireMock.equalTo(sentFirst)))).as("sent once").hasSize(1);
    }
}
