package org.microloan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
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
import org.microloan.servicing.EarlyWarnings;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.testing.Postgres;

@QuarkusTest
@QuarkusTestResource(Postgres.class)
class CreditLinesAndEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Books books;

    @Inject
    Repayments repayments;

    @Inject
    CreditLines lines;

    @Inject
    LoanEvents events;

    @Inject
    Portfolio portfolio;

    /** 90,000 EDUCATION over 12 months from 2026-01-01 (EMI 7746.08 at 6.5%), a line of 100,000. */
    private Loan bookWithLine(String borrower) {
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(Money.of("90000"), new BigDecimal("0.065"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, Frequency.MONTHLY, LocalDate.parse("2026-01-01"),
                null, RoundingMode.HALF_UP, Money.ZERO));
        String app = UUID.randomUUID().toString();
        Loan loan = books.bookDisbursement(new Disbursement(app, borrower, "EDUCATION", "po-" + app, schedule))
                .await().atMost(WAIT);
        lines.open(borrower, "EDUCATION", Money.of("100000"), new BigDecimal("0.065"), LocalDate.parse("2026-01-01"))
                .await().atMost(WAIT);
        return loan;
    }

    private void payOnTime(Loan loan, int installments) {
        Loan booked = books.loan(loan.id).await().atMost(WAIT);
        booked.installments.stream().filter(i -> i.number <= installments).sorted((a, b) -> a.number - b.number)
                .forEach(i -> repayments.post(new Repayment(loan.id, Money.ofFen(i.principalFen + i.interestFen), i.dueDate,
                        "on-time-" + i.number, PrepaymentChoice.SHORTEN_TERM)).await().atMost(WAIT));
    }

    private static void reviewAll(CreditLines lines, LocalDate date) {
        String after = "";
        while (after != null) {
            after = lines.reviewPage(date, after, 100).await().atMost(WAIT);
        }
    }

    @Test
    void aQuarterOnTime_raisesTheLine_andLowersThePrice_onceAQuarter() {
        String borrower = "b-" + UUID.randomUUID();
        payOnTime(bookWithLine(borrower), 6);

        // the second quarter holds three installments, all paid on their due dates
        reviewAll(lines, LocalDate.parse("2026-06-30"));
        reviewAll(lines, LocalDate.parse("2026-06-30"));

        CreditLine line = lines.line(borrower, "EDUCATION").await().atMost(WAIT);
        // the raise stops at EDUCATION's 100,000; the price comes down to the band's 6%
        assertThat(line.lineFen).isEqualTo(10_000_000);
        assertThat(line.annualRate).isEqualByComparingTo("0.06");
        assertThat(lines.changes(line.id).await().atMost(WAIT)).extracting(c -> c.action + ": " + c.reason)
                .containsExactly("RAISE: 3 of 3 paid on time: line 100000.00 → 100000.00, rate lowered");
    }

    @Test
    void aQuarterWithAnInstallmentUnpaidFor40Days_freezesTheLine() {
        String borrower = "b-" + UUID.randomUUID();
        bookWithLine(borrower);

        reviewAll(lines, LocalDate.parse("2026-03-31"));

        CreditLine line = lines.line(borrower, "EDUCATION").await().atMost(WAIT);
        assertThat(line.frozen).isTrue();
        assertThat(lines.changes(line.id).await().atMost(WAIT)).extracting(c -> c.action).containsExactly("FREEZE");
        assertThat(portfolio.on(LocalDate.parse("2026-03-31"), Optional.of("EDUCATION")).await().atMost(WAIT)
                .creditLineChanges()).containsKey("FREEZE");
    }

    @Test
    void aJudicialRecord_freezesTheLine_andFlagsTheLoan_butCallsInOnlyBusinessLoans() {
        String borrower = "b-" + UUID.randomUUID();
        Loan loan = bookWithLine(borrower);

        LoanEvent event = events.signal(loan.id, EarlyWarnings.Signal.JUDICIAL_RECORD, LocalDate.parse("2026-02-10"),
                "court filing reported by partner").await().atMost(WAIT);

        assertThat(event.actions).isEqualTo("FLAG_FOR_REVIEW,FREEZE_LINE");
        Loan after = books.loan(loan.id).await().atMost(WAIT);
        assertThat(after.flaggedForReview).isTrue();
        assertThat(after.calledInOn).isNull();
        assertThat(lines.line(borrower, "EDUCATION").await().atMost(WAIT).frozen).isTrue();
    }

    @Test
    void anEmergencyLine_drawsAndRepaysAnyDay_withinTheLine() {
        String borrower = "b-" + UUID.randomUUID();
        lines.open(borrower, "EMERGENCY", Money.of("5000"), new BigDecimal("0.108"), LocalDate.parse("2026-03-01"))
                .await().atMost(WAIT);
        LocalDate first = LocalDate.parse("2026-03-01");

        Loan draw = lines.draw(borrower, "EMERGENCY", Money.of("3000"), first, "draw-" + UUID.randomUUID(), "po-1")
                .await().atMost(WAIT);
        assertThatThrownBy(() -> lines.draw(borrower, "EMERGENCY", Money.of("2500"), first.plusDays(1),
                "draw-" + UUID.randomUUID(), "po-2").await().atMost(WAIT))
                .hasMessage("2500.00 is more than the 2000.00 left on the line: draw at most 2000.00");

        // ten days on, 1000 plus the interest accrued (3000 × 0.03% × 10 days = 9.00) comes back, no penalty
        LoanState tenDaysOn = books.state(draw.id, first.plusDays(10)).await().atMost(WAIT);
        assertThat(tenDaysOn.accruedInterest()).isEqualTo("9.00");
        RepaymentPosted repaid = repayments.post(new Repayment(draw.id, Money.of("1009.00"), first.plusDays(10), "r-1",
                PrepaymentChoice.LOWER_INSTALLMENT)).await().atMost(WAIT);
        assertThat(repaid.prepaymentPenalty()).isEqualTo("0.00");
        assertThat(repaid.outstandingPrincipal()).isEqualTo("2000.00");

        assertThat(lines.draw(borrower, "EMERGENCY", Money.of("2500"), first.plusDays(11), "draw-" + UUID.randomUUID(),
                "po-3").await().atMost(WAIT).principalFen).isEqualTo(250_000);
    }

    @Test
    void aFrozenLine_refusesDraws() {
        String borrower = "b-" + UUID.randomUUID();
        lines.open(borrower, "EMERGENCY", Money.of("5000"), new BigDecimal("0.108"), LocalDate.parse("2026-03-01"))
                .await().atMost(WAIT);
        Loan draw = lines.draw(borrower, "EMERGENCY", Money.of("1000"), LocalDate.parse("2026-03-01"), "d-" + UUID.randomUUID(),
                "po").await().atMost(WAIT);
        events.signal(draw.id, EarlyWarnings.Signal.OVERDUE, LocalDate.parse("2026-03-05"), "").await().atMost(WAIT);

        assertThatThrownBy(() -> lines.draw(borrower, "EMERGENCY", Money.of("100"), LocalDate.parse("2026-03-06"),
                "d-" + UUID.randomUUID(), "po").await().atMost(WAIT)).hasMessage("the line is frozen: no draws");
    }
}
