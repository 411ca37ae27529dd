package org.microloan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
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
import org.microloan.testing.Postgres;

@QuarkusTest
@QuarkusTestResource(Postgres.class)
class BooksTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Books books;

    private static Disbursement disbursement(String applicationId) {
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(Money.of("12000"), new BigDecimal("0.10"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, Frequency.MONTHLY, LocalDate.parse("2026-11-22"),
                null, RoundingMode.HALF_UP, Money.of("120")));
        return new Disbursement(applicationId, "borrower-1", "EDUCATION", "payout-" + applicationId, schedule);
    }

    @Test
    void booking_writesTheLoanItsScheduleAndABalancedJournal() {
        String app = UUID.randomUUID().toString();

        Loan loan = books.bookDisbursement(disbursement(app)).await().atMost(WAIT);

        Loan stored = books.loanOfApplication(app).await().atMost(WAIT);
        assertThat(stored.id).isEqualTo(loan.id);
        assertThat(stored.principalFen).isEqualTo(1_200_000);
        assertThat(stored.installments).hasSize(12);
        assertThat(stored.installments.stream().mapToLong(i -> i.principalFen).sum()).isEqualTo(1_200_000);
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
    }

    @Test
    void bookingTheSameApplicationAgain_returnsTheSameLoan_andBooksNothing() {
        String app = UUID.randomUUID().toString();

        Loan first = books.bookDisbursement(disbursement(app)).await().atMost(WAIT);
        Loan again = books.bookDisbursement(disbursement(app)).await().atMost(WAIT);

        assertThat(again.id).isEqualTo(first.id);
        assertThat(books.loanCount(app).await().atMost(WAIT)).isEqualTo(1);
    }

    @Test
    void concurrentBookings_ofOneApplication_bookOneLoan() {
        String app = UUID.randomUUID().toString();

        List<Loan> loans = Uni.join().all(
                books.bookDisbursement(disbursement(app)),
                books.bookDisbursement(disbursement(app)),
                books.bookDisbursement(disbursement(app))).andCollectFailures().await().atMost(WAIT);

        assertThat(loans).extracting(l -> l.id).containsOnly(loans.get(0).id);
        assertThat(books.loanCount(app).await().atMost(WAIT)).isEqualTo(1);
    }
}
