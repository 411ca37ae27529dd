package org.microloan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.schedule.BusinessDate;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.CallOutcome;
import org.microloan.servicing.CallParty;
import org.microloan.servicing.CollectionTier;
import org.microloan.servicing.ConductRules;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.servicing.PromiseToPay;
import org.microloan.testing.Postgres;
import org.microloan.testing.ServerClock;

/** The collections workbench's books: calls held to the conduct rules, promises, tiers, and agency hand-overs. */
@QuarkusTest
@QuarkusTestResource(Postgres.class)
class CollectionCallsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A Friday, 10:00 in Shanghai. */
    private static final Instant MORNING = LocalDate.parse("2026-06-12").atTime(LocalTime.of(10, 0))
            .atZone(BusinessDate.CHINA).toInstant();
    private static final LocalDate TODAY = BusinessDate.of(MORNING);

    @Inject
    Books books;

    @Inject
    CollectionCalls calls;

    @Inject
    AgencyHandovers handovers;

    @Inject
    OverdueLoans overdue;

    @Inject
    Collections collections;

    @Inject
    Repayments repayments;

    @AfterEach
    void clockBack() {
        ServerClock.reset();
    }

    /** 12,000 at 12% over 12 months whose first installment fell due {@code daysAgo} days before TODAY. */
    private Loan overdueBy(int daysAgo) {
        LocalDate firstDue = TODAY.minusDays(daysAgo);
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(Money.of("12000"), new BigDecimal("0.12"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, Frequency.MONTHLY, firstDue.minusMonths(1),
                firstDue, RoundingMode.HALF_UP, Money.ZERO));
        String app = UUID.randomUUID().toString();
        return books.bookDisbursement(new Disbursement(app, "b-" + app, "EDUCATION", "po-" + app, schedule))
                .await().atMost(WAIT);
    }

    private CollectionCalls.Logged call(Loan loan, String number, CallOutcome outcome) {
        return calls.log(new CollectionCalls.Call(loan.id, CallParty.BORROWER, true, number, "138****5678", outcome, null,
                Optional.empty(), "col-1")).await().atMost(WAIT);
    }

    private static ConductRules.Breach refusal(CollectionCalls.Logged logged) {
        assertThat(logged).isInstanceOf(CollectionCalls.Logged.Refused.class);
        return ((CollectionCalls.Logged.Refused) logged).breach();
    }

    @Test
    void sixUnansweredCallsToANumber_thenNoMoreThatDay_whicheverLoanTheyAreAbout() {
        ServerClock.at(MORNING);
        String number = "nk-" + UUID.randomUUID();
        Loan one = overdueBy(10);
        Loan other = overdueBy(12);
        for (int i = 0; i < 6; i++) {
            assertThat(call(i % 2 == 0 ? one : other, number, CallOutcome.NO_ANSWER)).isInstanceOf(CollectionCalls.Logged.Made.class);
        }

        assertThat(refusal(call(one, number, CallOutcome.NO_ANSWER))).isEqualTo(ConductRules.Breach.UNANSWERED_LIMIT);
        assertThat(refusal(call(other, number, CallOutcome.PROMISE_TO_PAY))).isEqualTo(ConductRules.Breach.UNANSWERED_LIMIT);
        // another number of the same borrower is another count
        assertThat(call(one, "nk-" + UUID.randomUUID(), CallOutcome.LEFT_MESSAGE)).isInstanceOf(CollectionCalls.Logged.Made.class);
        assertThat(calls.ofLoan(one.id).await().atMost(WAIT)).hasSize(4);

        ServerClock.at(MORNING.plus(Duration.ofDays(1)));
        assertThat(call(one, number, CallOutcome.NO_ANSWER)).isInstanceOf(CollectionCalls.Logged.Made.class);
    }

    @Test
    void noCallAtNight_norAboutTheDebtToAThirdParty() {
        Loan loan = overdueBy(10);
        ServerClock.at(MORNING.plus(Duration.ofHours(12).plusMinutes(30)));   // 22:30
        assertThat(refusal(call(loan, "nk-" + UUID.randomUUID(), CallOutcome.NO_ANSWER))).isEqualTo(ConductRules.Breach.QUIET_HOURS);

        ServerClock.at(MORNING);
        var thirdParty = calls.log(new CollectionCalls.Call(loan.id, CallParty.THIRD_PARTY, true, "nk-t", "139****0001",
                CallOutcome.CALL_BACK_LATER, "asked her sister", Optional.empty(), "col-1")).await().atMost(WAIT);
        assertThat(refusal(thirdParty)).isEqualTo(ConductRules.Breach.THIRD_PARTY_DISCLOSURE);
        var message = calls.log(new CollectionCalls.Call(loan.id, CallParty.THIRD_PARTY, false, "nk-t", "139****0001",
                CallOutcome.LEFT_MESSAGE, "asked her sister to have her call back", Optional.empty(), "col-1"))
                .await().atMost(WAIT);
        assertThat(message).isInstanceOf(CollectionCalls.Logged.Made.class);
        assertThat(calls.ofLoan(loan.id).await().atMost(WAIT)).singleElement()
                .satisfies(c -> assertThat(c.party + " " + c.outcome + " " + c.answered).isEqualTo("THIRD_PARTY LEFT_MESSAGE true"));
    }

    @Test
    void aPromiseToPay_isKeptByMoneyThatComesIn_andBrokenWhenItDoesNot() {
        ServerClock.at(MORNING);
        Loan kept = overdueBy(10);
        Loan broken = overdueBy(10);
        for (Loan loan : new Loan[] {kept, broken}) {
            calls.log(new CollectionCalls.Call(loan.id, CallParty.BORROWER, true, "nk-" + UUID.randomUUID(), "138****5678",
                    CallOutcome.PROMISE_TO_PAY, null, Optional.of(new PromiseToPay(TODAY, TODAY.plusDays(3), Money.of("500.00"))),
                    "col-1")).await().atMost(WAIT);
        }
        collections.receivedOffline(kept.id, Money.of("500.00"), TODAY.plusDays(2), "BR-" + UUID.randomUUID(), "promised", "ops-1")
                .await().atMost(WAIT);

        ServerClock.at(MORNING.plus(Duration.ofDays(2)));
        assertThat(books.history(kept.id).await().atMost(WAIT).calls()).singleElement()
                .satisfies(c -> assertThat(c.promise()).isEqualTo(new LoanHistory.Promise("500.00", TODAY.plusDays(3), "KEPT")));
        assertThat(books.history(broken.id).await().atMost(WAIT).calls().get(0).promise().status()).isEqualTo("PENDING");
        ServerClock.at(MORNING.plus(Duration.ofDays(4)));
        assertThat(books.history(broken.id).await().atMost(WAIT).calls().get(0).promise().status()).isEqualTo("BROKEN");
    }

    @Test
    void overdueLoans_byTier_mostOverdueFirst() {
        Loan five = overdueBy(5);
        Loan twenty = overdueBy(20);
        Loan forty = overdueBy(40);

        var reminders = overdue.inTier(CollectionTier.REMINDERS, TODAY, 500).await().atMost(WAIT);
        var negotiation = overdue.inTier(CollectionTier.NEGOTIATION, TODAY, 500).await().atMost(WAIT);
        var agency = overdue.inTier(CollectionTier.AGENCY, TODAY, 500).await().atMost(WAIT);

        assertThat(reminders.loans()).extracting(l -> l.id).contains(five.id).doesNotContain(twenty.id, forty.id);
        assertThat(negotiation.loans()).extracting(l -> l.id).contains(twenty.id).doesNotContain(five.id, forty.id);
        assertThat(agency.loans()).extracting(l -> l.id).contains(forty.id).doesNotContain(five.id, twenty.id);
        assertThat(agency.total()).isEqualTo(agency.loans().size());
        assertThat(agency.loans()).isSortedAccordingTo((a, b) -> Long.compare(
                b.account().daysPastDue(TODAY), a.account().daysPastDue(TODAY)));
        assertThat(overdue.inTier(CollectionTier.AGENCY, TODAY, 1).await().atMost(WAIT).loans()).hasSize(1);
    }

    @Test
    void aLoanBeyondNegotiation_isHandedToAWhitelistedAgency_once() {
        ServerClock.at(MORNING);
        Loan early = overdueBy(30);
        Loan late = overdueBy(31);

        assertThat(handovers.handOver(early.id, "huaxin", "no contact for 3 weeks", "col-1").await().atMost(WAIT))
                .isEqualTo(new AgencyHandovers.Outcome.Refused("not-beyond-negotiation", "loan " + early.id
                        + " is 30 days past due: an agency takes loans more than 30 days past due"));
        assertThat(handovers.handOver(late.id, "cheap-calls", "no contact", "col-1").await().atMost(WAIT))
                .isInstanceOfSatisfying(AgencyHandovers.Outcome.Refused.class, r -> assertThat(r.code()).isEqualTo("not-on-whitelist"));

        var handed = handovers.handOver(late.id, "huaxin", "no contact for 3 weeks", "col-1").await().atMost(WAIT);

        assertThat(handed).isInstanceOfSatisfying(AgencyHandovers.Outcome.HandedOver.class, h -> {
            assertThat(h.handover().daysPastDue).isEqualTo(31);
            assertThat(h.handover().owedFen).isPositive();
            assertThat(h.handover().dataFields).isEqualTo("LOAN_REFERENCE,BORROWER_NAME,MOBILE,AMOUNT_OWED,DAYS_PAST_DUE");
        });
        assertThat(books.loan(late.id).await().atMost(WAIT).withAgency).isTrue();
        assertThat(handovers.handOver(late.id, "huaxin", "again", "col-2").await().atMost(WAIT))
                .isInstanceOfSatisfying(AgencyHandovers.Outcome.Refused.class, r -> assertThat(r.code()).isEqualTo("already-with-agency"));
        assertThat(handovers.of(late.id).await().atMost(WAIT)).get().satisfies(h -> assertThat(h.handedBy).isEqualTo("col-1"));
    }

    @Test
    void aLoanRepaidInFull_takesNoCall_andGoesToNoAgency() {
        ServerClock.at(MORNING);
        Loan loan = overdueBy(40);
        Money payoff;
        try {
            repayments.check(new Repayment(loan.id, Money.of("1000000"), TODAY, "probe", PrepaymentChoice.SHORTEN_TERM))
                    .await().atMost(WAIT);
            throw new AssertionError("a million is more than this loan's pay-off");
        } catch (PayoffExceededException e) {
            payoff = e.payoff();
        }
        repayments.post(new Repayment(loan.id, payoff, TODAY, "all", PrepaymentChoice.SHORTEN_TERM)).await().atMost(WAIT);

        assertThatThrownBy(() -> call(loan, "nk-" + UUID.randomUUID(), CallOutcome.NO_ANSWER))
                .isInstanceOf(LoanSettledException.class);
        assertThatThrownBy(() -> handovers.handOver(loan.id, "huaxin", "late", "col-1").await().atMost(WAIT))
                .isInstanceOf(LoanSettledException.class);
        assertThat(overdue.inTier(CollectionTier.AGENCY, TODAY, 500).await().atMost(WAIT).loans())
                .extracting(l -> l.id).doesNotContain(loan.id);
    }
}
