package org.microloan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.CallOutcome;
import org.microloan.servicing.CallParty;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.testing.Postgres;
import org.microloan.testing.ServerClock;

@QuarkusTest
@QuarkusTestResource(Postgres.class)
class PortfolioTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Books books;

    @Inject
    Repayments repayments;

    @Inject
    ServicingRun run;

    @Inject
    Portfolio portfolio;

    @Inject
    CollectionCalls calls;

    private Loan book(String product, String borrower) {
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(Money.of("1200"), new BigDecimal("0.12"), 3,
                RepaymentMethod.EQUAL_PRINCIPAL, DayCount.THIRTY_360, Frequency.MONTHLY, LocalDate.parse("2026-01-15"),
                null, RoundingMode.HALF_UP, Money.ZERO));
        String app = UUID.randomUUID().toString();
        return books.bookDisbursement(new Disbursement(app, borrower, product, "po-" + app, schedule)).await().atMost(WAIT);
    }

    /** The daily run of the day, every page, as the servicing machine pages through the books. */
    private void runThrough(LocalDate on) {
        String after = "";
        boolean more = true;
        while (more) {
            ServicingRun.Page page = run.runPage(on, Instant.parse("2026-02-25T02:00:00Z"), after, 50).await().atMost(WAIT);
            after = page.lastLoanId();
            more = page.more();
        }
    }

    @Test
    void figures_byProductAndClass_withTheRates() {
        String product = "P-" + UUID.randomUUID();
        Loan paid = book(product, "b-1");
        Loan late = book(product, "b-1");
        book(product, "b-2");
        LocalDate due = LocalDate.parse("2026-02-15");
        repayments.post(new Repayment(paid.id, Money.of("412.00"), due, "k", PrepaymentChoice.SHORTEN_TERM)).await().atMost(WAIT);
        LocalDate on = due.plusDays(10);
        runThrough(on);
        // the late loan and the one nobody paid are 10 days overdue; the paid one is NORMAL. The late one now pays
        // its installment and 10 days of penalty interest (400 × 12% / 360 = 0.13 a day), clearing its arrears
        repayments.post(new Repayment(late.id, Money.of("413.30"), on, "k2", PrepaymentChoice.SHORTEN_TERM)).await().atMost(WAIT);

        PortfolioFigures figures = portfolio.on(on, Optional.of(product)).await().atMost(WAIT);

        assertThat(figures.activeLoans()).isEqualTo(3);
        assertThat(figures.segments()).extracting(s -> s.fiveTierClass() + " " + s.loans() + " " + s.balance())
                .containsExactly("NORMAL 1 800.00", "SPECIAL_MENTION 2 2000.00");
        // only the loan nobody paid is still in arrears: 1200 of 2800
        assertThat(figures.overdueRate()).isEqualByComparingTo("0.4286");
        assertThat(figures.badDebtRate()).isEqualByComparingTo("0");
        // both loans contacted about arrears; one has cleared them
        assertThat(figures.collectionSuccessRate()).isEqualByComparingTo("0.5");
        // b-1 has two loans, b-2 one
        assertThat(figures.repeatLoanRate()).isEqualByComparingTo("0.5");
        assertThat(figures.creditLineChanges()).isEmpty();

        // the books of a day before the loans were made hold none of them
        assertThat(portfolio.on(LocalDate.parse("2026-01-14"), Optional.of(product)).await().atMost(WAIT).activeLoans())
                .isZero();
    }

    @Test
    void aLoansHistory_holdsItsClassChanges_calls_andEveryJournalLine_balanced() {
        String product = "P-" + UUID.randomUUID();
        Loan loan = book(product, "b-h");
        LocalDate on = LocalDate.parse("2026-02-25");
        runThrough(on);
        ServerClock.at(Instant.parse("2026-02-25T03:00:00Z"));
        try {
            calls.log(new CollectionCalls.Call(loan.id, CallParty.BORROWER, true, "nk-h", "138****0000", CallOutcome.NO_ANSWER,
                    null, Optional.empty(), "col-1")).await().atMost(WAIT);
        } finally {
            ServerClock.reset();
        }
        repayments.post(new Repayment(loan.id, Money.of("413.30"), on, "kh", PrepaymentChoice.SHORTEN_TERM)).await().atMost(WAIT);

        LoanHistory history = books.history(loan.id).await().atMost(WAIT);

        assertThat(history.classChanges()).extracting(c -> c.on() + " " + c.from() + "→" + c.to())
                .containsExactly("2026-02-25 NORMAL→SPECIAL_MENTION");
        assertThat(history.calls()).singleElement().satisfies(c -> assertThat(c.answered()).isFalse());
        assertThat(history.journal()).extracting(LoanHistory.JournalLine::kind).containsOnly("DISBURSEMENT", "REPAYMENT");
        assertThat(history.journal().stream().map(l -> new BigDecimal(l.debit())).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("debits equal credits").isEqualByComparingTo(history.journal().stream()
                        .map(l -> new BigDecimal(l.credit())).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(history.journal()).anySatisfy(l -> assertThat(l.account() + " " + l.debit())
                .isEqualTo("LOANS_RECEIVABLE 1200.00"));
    }
}
