package org.microloan.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.LoanStatus;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.testing.Postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 12,000 at 12% over 12 months from 2026-01-15, 30/360: EMI 1066.19, the first 120.00 interest + 946.19. */
@QuarkusTest
@QuarkusTestResource(Postgres.class)
class RepaymentsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Books books;

    @Inject
    Repayments repayments;

    private Loan book() {
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(Money.of("12000"), new BigDecimal("0.12"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, Frequency.MONTHLY, LocalDate.parse("2026-01-15"),
                null, RoundingMode.HALF_UP, Money.ZERO));
        String app = UUID.randomUUID().toString();
        return books.bookDisbursement(new Disbursement(app, "b-1", "EDUCATION", "po-" + app, schedule)).await().atMost(WAIT);
    }

    private RepaymentPosted pay(Loan loan, String amount, String on, String key, PrepaymentChoice choice) {
        return repayments.post(new Repayment(loan.id, Money.of(amount), LocalDate.parse(on), key, choice)).await().atMost(WAIT);
    }

    private void check(Loan loan, String amount, String on) {
        repayments.check(new Repayment(loan.id, Money.of(amount), LocalDate.parse(on), "check",
                PrepaymentChoice.SHORTEN_TERM)).await().atMost(WAIT);
    }

    private RepaymentPosted pay(Loan loan, String amount, String on) {
        return pay(loan, amount, on, UUID.randomUUID().toString(), PrepaymentChoice.SHORTEN_TERM);
    }

    private List<ScheduledInstallment> rows(Loan loan) {
        return books.loanOfApplication(loan.applicationId).await().atMost(WAIT).installments.stream()
                .sorted(Comparator.comparingInt(i -> i.number)).toList();
    }

    @Test
    void anOnTimePayment_settlesItsInstallment_interestFirst() {
        Loan loan = book();

        RepaymentPosted posted = pay(loan, "1066.19", "2026-02-15");

        assertThat(posted.applied()).containsEntry("CURRENT_INTEREST", "120.00").containsEntry("CURRENT_PRINCIPAL", "946.19");
        assertThat(posted.outstandingPrincipal()).isEqualTo("11053.81");
        assertThat(rows(loan).get(0).settledOn).isEqualTo(LocalDate.parse("2026-02-15"));
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
    }

    @Test
    void postingTheSameRepaymentAgain_returnsTheFirstResult_andMovesNoMoney() {
        Loan loan = book();

        RepaymentPosted first = pay(loan, "1066.19", "2026-02-15", "phone-42", PrepaymentChoice.SHORTEN_TERM);
        RepaymentPosted again = pay(loan, "1066.19", "2026-02-15", "phone-42", PrepaymentChoice.SHORTEN_TERM);

        assertThat(again).isEqualTo(first);
        assertThat(rows(loan).get(1).paidPrincipalFen).isZero();
    }

    @Test
    void aLatePartPayment_goesToOverdueInterestThenPrincipal_andTheRestSettles() {
        Loan loan = book();
        pay(loan, "1066.19", "2026-02-15");

        RepaymentPosted part = pay(loan, "500.00", "2026-03-20");
        RepaymentPosted rest = pay(loan, "566.19", "2026-03-21");

        // installment 2: interest 110.54 on 11053.81, principal 955.65
        assertThat(part.applied()).containsEntry("OVERDUE_INTEREST", "110.54").containsEntry("OVERDUE_PRINCIPAL", "389.46");
        assertThat(rest.applied()).containsEntry("OVERDUE_PRINCIPAL", "566.19");
        assertThat(rows(loan).get(1).settledOn).isEqualTo(LocalDate.parse("2026-03-21"));
        assertThat(books.loanOfApplication(loan.applicationId).await().atMost(WAIT).arrearsClearedOn)
                .isEqualTo(LocalDate.parse("2026-03-21"));
    }

    @Test
    void moneyBeyondWhatIsDue_prepays_shorteningTheTerm() {
        Loan loan = book();
        pay(loan, "1066.19", "2026-02-15");

        // 14 of 28 days into the period: 11053.81 × 1% × 14/28 = 55.27 accrued, the rest is principal
        RepaymentPosted posted = pay(loan, "3000.00", "2026-03-01", "p-1", PrepaymentChoice.SHORTEN_TERM);

        assertThat(posted.accruedInterestPaid()).isEqualTo("55.27");
        assertThat(posted.principalPrepaid()).isEqualTo("2944.73");
        assertThat(posted.outstandingPrincipal()).isEqualTo("8109.08");
        List<ScheduledInstallment> after = rows(loan);
        assertThat(after).hasSizeLessThan(12);
        assertThat(after.get(1).interestFen - after.get(1).paidInterestFen).isLessThan(11054);
        // what the installments still carry, plus what was prepaid, is the loan
        assertThat(after.stream().mapToLong(i -> i.principalFen).sum() + 294_473).isEqualTo(1_200_000);
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
    }

    @Test
    void moneyBeyondWhatIsDue_prepays_loweringTheInstallment() {
        Loan loan = book();
        pay(loan, "1066.19", "2026-02-15");

        pay(loan, "3000.00", "2026-03-01", "p-2", PrepaymentChoice.LOWER_INSTALLMENT);

        List<ScheduledInstallment> after = rows(loan);
        assertThat(after).hasSize(12);
        assertThat(after.get(2).principalFen + after.get(2).interestFen).isLessThan(106_619);
        assertThat(books.loanOfApplication(loan.applicationId).await().atMost(WAIT).emiFen).isLessThan(106_619L);
    }

    @Test
    void moreThanThePayoff_isRefusedWithTheExactFigure_andThatFigureSettlesTheLoan() {
        Loan loan = book();
        pay(loan, "1066.19", "2026-02-15");

        assertThatThrownBy(() -> check(loan, "20000.00", "2026-03-01"))
                .isInstanceOfSatisfying(PayoffExceededException.class,
                        e -> assertThat(e.payoff()).isEqualTo(Money.of("11109.08")))
                .hasMessage("20000.00 is more than the pay-off amount 11109.08 on this day: send at most 11109.08");

        RepaymentPosted last = pay(loan, "11109.08", "2026-03-01");

        assertThat(last.settled()).isTrue();
        assertThat(last.outstandingPrincipal()).isEqualTo("0.00");
        Loan settled = books.loanOfApplication(loan.applicationId).await().atMost(WAIT);
        assertThat(settled.status).isEqualTo(LoanStatus.SETTLED);
        assertThat(settled.installments.stream().mapToLong(i -> i.paidPrincipalFen).sum()).isEqualTo(1_200_000);
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
        assertThatThrownBy(() -> check(loan, "1.00", "2026-03-02")).hasMessageContaining("is repaid in full");
    }

    @Test
    void moneyThatMovedBeyondWhatTheLoanTakes_isNeverRefused_butHeldForTheBorrower_andTheBooksBalance() {
        Loan loan = book();
        pay(loan, "1066.19", "2026-02-15");

        // the pay-off on 1 March is 11109.08: the rail collected 20000.00 anyway
        RepaymentPosted posted = pay(loan, "20000.00", "2026-03-01");
        RepaymentPosted after = pay(loan, "5.00", "2026-03-02");

        assertThat(posted.settled()).isTrue();
        assertThat(posted.unapplied()).isEqualTo("8890.92");
        assertThat(after.unapplied()).as("a settled loan takes nothing more").isEqualTo("5.00");
        assertThat(after.applied()).isEmpty();
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
    }

    @Test
    void theLoansState_fromTheBooks_agreesWithTheRefusalsPayoffFigure() {
        Loan loan = book();
        pay(loan, "1066.19", "2026-02-15");

        LoanState state = books.state(loan.id, LocalDate.parse("2026-03-01")).await().atMost(WAIT);

        assertThat(state.outstandingPrincipal()).isEqualTo("11053.81");
        assertThat(state.accruedInterest()).isEqualTo("55.27");
        assertThat(state.nextDueDate()).isEqualTo(LocalDate.parse("2026-03-15"));
        assertThat(state.nextDueAmount()).isEqualTo("1066.19");
        assertThat(state.daysPastDue()).isZero();
        assertThat(state.payoff()).isEqualTo("11109.08");

        LoanState late = books.state(loan.id, LocalDate.parse("2026-03-20")).await().atMost(WAIT);
        assertThat(late.daysPastDue()).isEqualTo(5);
        assertThat(late.overdueInterest()).isEqualTo("110.54");
        assertThat(late.overduePrincipal()).isEqualTo("955.65");
    }

    @Test
    void concurrentRepayments_onOneLoan_queue_andLoseNothing() {
        Loan loan = book();

        Uni.join().all(
                repayments.post(new Repayment(loan.id, Money.of("100.00"), LocalDate.parse("2026-02-15"), "a", PrepaymentChoice.SHORTEN_TERM)),
                repayments.post(new Repayment(loan.id, Money.of("100.00"), LocalDate.parse("2026-02-15"), "b", PrepaymentChoice.SHORTEN_TERM)),
                repayments.post(new Repayment(loan.id, Money.of("100.00"), LocalDate.parse("2026-02-15"), "c", PrepaymentChoice.SHORTEN_TERM)))
                .andFailFast().await().atMost(WAIT);

        ScheduledInstallment first = rows(loan).get(0);
        assertThat(first.paidInterestFen + first.paidPrincipalFen).isEqualTo(30_000);
        assertThat(first.paidInterestFen).isEqualTo(12_000);
    }
}
