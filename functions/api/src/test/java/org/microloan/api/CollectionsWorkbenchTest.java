package org.microloan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.microloan.api.SignedIn.as;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microloan.ledger.Books;
import org.microloan.ledger.Loan;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.schedule.BusinessDate;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.testing.Forms;
import org.microloan.testing.Postgres;
import org.microloan.testing.ProviderStubs;
import org.microloan.testing.ServerClock;

/** The collections workbench: loans by tier, calls held to the conduct rules, promises, and hand-overs to an agency. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocal.class)
@QuarkusTestResource(Postgres.class)
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(SfnStub.class)
class CollectionsWorkbenchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate TODAY = BusinessDate.today(Clock.systemUTC());
    private static final Instant TEN_AM = TODAY.atTime(LocalTime.of(10, 0)).atZone(BusinessDate.CHINA).toInstant();

    @Inject
    Books books;

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationIntake intake;

    @BeforeEach
    void tenInTheMorning() {
        ServerClock.at(TEN_AM);
    }

    @AfterEach
    void clockBack() {
        ServerClock.reset();
    }

    private static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** 12,000 at 12% over 12 months, its first installment unpaid since {@code daysAgo} days, the borrower's mobile given. */
    private Loan overdueBy(int daysAgo, String mobile) {
        LocalDate firstDue = TODAY.minusDays(daysAgo);
        return new TwelveThousand(books, store, intake).book("b-" + UUID.randomUUID(),
                Forms.withMobile(Forms.emergency(), mobile), firstDue.minusMonths(1), firstDue);
    }

    private static ValidatableResponse call(Loan loan, Map<String, ?> body) {
        return as("col-1", "collector").body(body).when().post("/v1/ops/loans/" + loan.id + "/calls").then();
    }

    private static JsonPath tier(String tier) {
        return as("col-1", "collector").when().get("/v1/ops/collections?tier=" + tier + "&limit=200").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> entry(JsonPath list, Loan loan) {
        List<Map<String, Object>> loans = list.getList("loans");
        return loans.stream().filter(l -> l.get("loanId").equals(loan.id)).findFirst().orElseThrow(
                () -> new AssertionError(loan.id + " is not in the list"));
    }

    @Test
    void overdueLoans_byTier_withWhatTheyOwe_andWhenTheBorrowerMayBeCalled() {
        Loan five = overdueBy(5, mobile());
        Loan twenty = overdueBy(20, mobile());
        Loan forty = overdueBy(40, mobile());

        JsonPath reminders = tier("REMINDERS");
        assertThat(reminders.getLong("firstDay")).isEqualTo(1);
        assertThat(reminders.getLong("lastDay")).isEqualTo(7);
        assertThat(entry(reminders, five)).containsEntry("daysPastDue", 5).containsEntry("forAgency", false)
                .containsEntry("callableNow", true);
        // nothing stands in the way: the borrower may be called now
        assertThat(Instant.parse((String) entry(reminders, five).get("nextCallAt"))).isBetween(TEN_AM, TEN_AM.plusSeconds(60));
        assertThat(new BigDecimal((String) entry(reminders, five).get("owed"))).isPositive();
        assertThat(reminders.getList("loans.loanId")).doesNotContain(twenty.id, forty.id);
        assertThat(tier("negotiation").getList("loans.loanId")).contains(twenty.id).doesNotContain(five.id, forty.id);
        JsonPath agency = tier("AGENCY");
        assertThat(agency.getString("lastDay")).isNull();
        assertThat(entry(agency, forty)).containsEntry("daysPastDue", 40).containsEntry("forAgency", true);

        as("col-1", "collector").when().get("/v1/ops/collections?tier=LATE").then().statusCode(400)
                .body("errors[0].field", equalTo("query:tier")).body("detail", containsString("REMINDERS, NEGOTIATION, AGENCY"));
        as("col-1", "collector").when().get("/v1/ops/collections?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("query:limit"));
        as("rev-1", "reviewer").when().get("/v1/ops/collections").then().statusCode(403);
        as("b-1", "borrower").when().get("/v1/ops/collections").then().statusCode(403);
        as("ops-1", "operator").when().get("/v1/ops/collections/agencies").then().statusCode(200)
                .body("id", equalTo(List.of("huaxin", "zhongcheng")));
    }

    @Test
    void sixUnansweredCallsToTheBorrowersNumber_thenTheRuleRefusesOne_andTheListSaysWhenToCallAgain() {
        String mobile = mobile();
        Loan loan = overdueBy(10, mobile);
        for (int i = 0; i < 6; i++) {
            call(loan, Map.of("party", "BORROWER", "outcome", "NO_ANSWER")).statusCode(201)
                    .body("answered", equalTo(false)).body("by", equalTo("col-1"))
                    .body("number", equalTo(mobile.substring(0, 3) + "****" + mobile.substring(7)));
        }

        String refused = call(loan, Map.of("party", "BORROWER", "outcome", "NO_ANSWER")).statusCode(403)
                .body("type", containsString("unanswered-limit"))
                .body("detail", equalTo("6 unanswered calls to this number today: no more until 08:00 tomorrow"))
                .extract().asString();
        assertThat(refused).doesNotContain(mobile);
        // the same number given by hand is the same number
        call(loan, Map.of("party", "BORROWER", "number", mobile.substring(0, 3) + " " + mobile.substring(3), "outcome",
                "PROMISE_TO_PAY", "promise", Map.of("amount", "100.00", "by", TODAY.plusDays(1).toString())))
                .statusCode(403).body("type", containsString("unanswered-limit"));

        Map<String, Object> listed = entry(tier("NEGOTIATION"), loan);
        assertThat(listed).containsEntry("unansweredToday", 6).containsEntry("calls", 6).containsEntry("callableNow", false)
                .containsEntry("nextCallAt", TODAY.plusDays(1).atTime(8, 0).atZone(BusinessDate.CHINA).toInstant().toString());
        // another number of the borrower's (given by a relative) may still be tried
        call(loan, Map.of("party", "BORROWER", "number", mobile(), "outcome", "CALL_BACK_LATER")).statusCode(201)
                .body("answered", equalTo(true));
    }

    @Test
    void noCallInQuietHours_andNoWordAboutTheDebtToAThirdParty() {
        Loan loan = overdueBy(10, mobile());
        call(loan, Map.of("party", "THIRD_PARTY", "number", mobile(), "outcome", "LEFT_MESSAGE")).statusCode(403)
                .body("type", containsString("third-party-disclosure")).body("detail", containsString("aboutTheDebt false"));
        call(loan, Map.of("party", "THIRD_PARTY", "outcome", "LEFT_MESSAGE", "aboutTheDebt", false)).statusCode(400)
                .body("errors[0].field", equalTo("/number"));
        call(loan, Map.of("party", "THIRD_PARTY", "number", mobile(), "aboutTheDebt", false, "outcome", "LEFT_MESSAGE",
                "note", "asked her brother to have her call back")).statusCode(201).body("party", equalTo("THIRD_PARTY"))
                .body("aboutTheDebt", equalTo(false));

        ServerClock.at(TEN_AM.plus(Duration.ofHours(12).plusMinutes(30)));
        call(loan, Map.of("party", "BORROWER", "outcome", "NO_ANSWER")).statusCode(403)
                .body("type", containsString("quiet-hours"))
                .body("detail", equalTo("no calls between 22:00 and 08:00 borrower time"));
    }

    @Test
    void aPromiseToPay_isLoggedWithItsCall_andEveryBadFieldIsNamed() {
        Loan loan = overdueBy(10, mobile());
        String by = TODAY.plusDays(3).toString();

        call(loan, Map.of("party", "BORROWER", "outcome", "PROMISE_TO_PAY")).statusCode(400)
                .body("errors[0].field", equalTo("/promise"));
        call(loan, Map.of("party", "BORROWER", "outcome", "PROMISE_TO_PAY", "promise",
                Map.of("amount", "500.00", "by", TODAY.plusDays(31).toString()))).statusCode(400)
                .body("errors[0].field", equalTo("/promise/by")).body("detail", containsString("at most 30 days ahead"));
        call(loan, Map.of("party", "BORROWER", "outcome", "PROMISE_TO_PAY", "promise", Map.of("amount", "-1", "by", by)))
                .statusCode(400).body("errors[0].field", equalTo("/promise/amount"));
        call(loan, Map.of("party", "BORROWER", "outcome", "REFUSED_TO_PAY", "promise", Map.of("amount", "5", "by", by)))
                .statusCode(400).body("errors[0].field", equalTo("/promise"));
        call(loan, Map.of("party", "BORROWER", "outcome", "HUNG_UP")).statusCode(400)
                .body("errors[0].field", equalTo("/outcome")).body("detail", containsString("PROMISE_TO_PAY"));
        call(loan, Map.of("outcome", "NO_ANSWER")).statusCode(400).body("errors[0].field", equalTo("/party"));
        call(loan, Map.of("party", "BORROWER", "number", "call me", "outcome", "NO_ANSWER")).statusCode(400)
                .body("errors[0].field", equalTo("/number"));

        call(loan, Map.of("party", "BORROWER", "outcome", "PROMISE_TO_PAY", "note", "salary on Friday",
                "promise", Map.of("amount", "500.00", "by", by))).statusCode(201)
                .body("promise.amount", equalTo("500.00")).body("promise.by", equalTo(by))
                .body("promise.status", equalTo("PENDING"));

        assertThat(entry(tier("NEGOTIATION"), loan).get("promise")).isEqualTo(Map.of("amount", "500.00", "by", by,
                "status", "PENDING"));
        as("ops-1", "operator").when().get("/v1/ops/loans/" + loan.id).then().statusCode(200)
                .body("history.calls[0].outcome", equalTo("PROMISE_TO_PAY")).body("history.calls[0].note", equalTo("salary on Friday"));
        as("ops-1", "operator").body(Map.of("party", "BORROWER", "outcome", "NO_ANSWER")).when()
                .post("/v1/ops/loans/" + loan.id + "/calls").then().statusCode(403);
        as("col-1", "collector").body(Map.of("party", "BORROWER", "outcome", "NO_ANSWER")).when()
                .post("/v1/ops/loans/nope/calls").then().statusCode(404);
    }

    @Test
    void aLoanBeyondNegotiation_goesToAWhitelistedAgency_once_withItsFieldsRecorded_andAudited() {
        String mobile = mobile();
        Loan forty = overdueBy(40, mobile);
        Loan twenty = overdueBy(20, mobile());
        String handover = "/v1/ops/loans/" + forty.id + "/handover";

        as("col-1", "collector").body(Map.of("agency", "cheap-calls", "reason", "x")).when().post(handover).then()
                .statusCode(422).body("type", containsString("not-on-whitelist")).body("errors[0].field", equalTo("/agency"))
                .body("detail", containsString("huaxin"));
        as("col-1", "collector").body(Map.of("agency", "huaxin")).when().post(handover).then().statusCode(400)
                .body("errors[0].field", equalTo("/reason"));
        as("col-1", "collector").body(Map.of("agency", "huaxin", "reason", "x")).when()
                .post("/v1/ops/loans/" + twenty.id + "/handover").then().statusCode(409)
                .body("type", containsString("not-beyond-negotiation"));
        as("rev-1", "reviewer").body(Map.of("agency", "huaxin", "reason", "x")).when().post(handover).then().statusCode(403);

        as("col-1", "collector").header("X-Request-Id", "req-handover-" + forty.id)
                .body(Map.of("agency", "huaxin", "reason", "40 days past due, no answer for a week")).when().post(handover)
                .then().statusCode(201).body("agency", equalTo("huaxin")).body("agencyName", containsString("Huaxin"))
                .body("daysPastDue", equalTo(40)).body("handedBy", equalTo("col-1"))
                .body("dataHandedOver", equalTo(List.of("LOAN_REFERENCE", "BORROWER_NAME", "MOBILE", "AMOUNT_OWED",
                        "DAYS_PAST_DUE")));
        as("col-2", "collector").body(Map.of("agency", "zhongcheng", "reason", "again")).when().post(handover).then()
                .statusCode(409).body("type", containsString("already-with-agency"));

        String whole = as("col-1", "collector").when().get("/v1/ops/loans/" + forty.id).then().statusCode(200)
                .body("handover.agency", equalTo("huaxin")).body("borrower.name", equalTo("张*"))
                .body("borrower.mobile", equalTo(mobile.substring(0, 3) + "****" + mobile.substring(7)))
                .extract().asString();
        assertThat(whole).doesNotContain(mobile);
        assertThat(entry(tier("AGENCY"), forty)).containsEntry("withAgency", true).containsEntry("forAgency", false);
        as("sup-1", "supervisor").when().get("/v1/ops/audit?date=" + TODAY + "&who=col-1").then().statusCode(200)
                .body("requestId", hasItem("req-handover-" + forty.id))
                .body("find { it.requestId == 'req-handover-" + forty.id + "' }.reason",
                        equalTo("40 days past due, no answer for a week"));
        as("col-1", "collector").when().get("/v1/ops/loans/" + twenty.id).then().statusCode(200)
                .body("handover", nullValue()).body("borrower.mobile", not(equalTo(mobile)));
    }
}
