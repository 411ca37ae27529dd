package org.microloan.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.schedule.BusinessDate;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.CollectionStatus;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.testing.Postgres;
import org.microloan.workflow.KeyReusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 12,000 at 12% over 12 months from a month ago: the first installment is due soon. */
@QuarkusTest
@QuarkusTestResource(Postgres.class)
class CollectionsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Books books;

    @Inject
    Collections collections;

    @Inject
    Clock clock;

    private Loan book() {
        RepaymentSchedule schedule = RepaymentSchedule.of(new LoanTerms(Money.of("12000"), new BigDecimal("0.12"), 12,
                RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, Frequency.MONTHLY,
                BusinessDate.today(clock).minusDays(20), null, RoundingMode.HALF_UP, Money.ZERO));
        String app = UUID.randomUUID().toString();
        return books.bookDisbursement(new Disbursement(app, "b-1", "EDUCATION", "po-" + app, schedule)).await().atMost(WAIT);
    }

    private CollectionRecord opened(Loan loan, String key, String amount) {
        return collections.open(new Collections.Ask(loan.id, CollectionRecord.Origin.BORROWER, key, Money.of(amount),
                PrepaymentChoice.SHORTEN_TERM, "b-1")).await().atMost(WAIT);
    }

    private CollectionRecord settle(CollectionRecord c, CollectionStatus status) {
        return collections.settle(c.id, status, status == CollectionStatus.FAILED ? "INSUFFICIENT_FUNDS" : null, "rail-" + c.id,
                clock.instant()).await().atMost(WAIT);
    }

    private String outstanding(Loan loan) {
        return books.state(loan.id, BusinessDate.today(clock)).await().atMost(WAIT).outstandingPrincipal();
    }

    @Test
    void aPendingCollection_movesNothing_untilTheRailSaysItSucceeded_thenBooksOnce_onTheServersDate() {
        Loan loan = book();
        CollectionRecord c = opened(loan, "k-" + UUID.randomUUID(), "500.00");
        assertThat(c.status).isEqualTo(CollectionStatus.PENDING);
        assertThat(outstanding(loan)).isEqualTo("12000.00");

        // the rail's callback, delivered three times at once
        Uni.join().all(collections.settle(c.id, CollectionStatus.SUCCEEDED, null, "rail-1", clock.instant()),
                        collections.settle(c.id, CollectionStatus.SUCCEEDED, null, "rail-1", clock.instant()),
                        collections.settle(c.id, CollectionStatus.SUCCEEDED, null, "rail-1", clock.instant()))
                .andFailFast().await().atMost(WAIT);
        CollectionRecord done = collections.find(loan.id, c.id).await().atMost(WAIT).orElseThrow();

        assertThat(done.status).isEqualTo(CollectionStatus.SUCCEEDED);
        assertThat(done.valueDate).isEqualTo(BusinessDate.today(clock));
        assertThat(done.transactionId).isNotNull();
        String after = outstanding(loan);
        assertThat(new BigDecimal(after)).as("500 prepaid, less the interest accrued since the payout")
                .isBetween(new BigDecimal("11500.00"), new BigDecimal("11600.00"));
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
        assertThat(settle(done, CollectionStatus.SUCCEEDED).transactionId).isEqualTo(done.transactionId);
        assertThat(outstanding(loan)).isEqualTo(after);
    }

    @Test
    void aFailedCollection_changesNothingInTheBooks_andTheRailCannotTakeItBack() {
        Loan loan = book();
        CollectionRecord c = opened(loan, "k-" + UUID.randomUUID(), "500.00");

        CollectionRecord failed = settle(c, CollectionStatus.FAILED);

        assertThat(failed.status).isEqualTo(CollectionStatus.FAILED);
        assertThat(failed.reason).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(failed.transactionId).isNull();
        assertThat(outstanding(loan)).isEqualTo("12000.00");
        assertThatThrownBy(() -> settle(failed, CollectionStatus.SUCCEEDED))
                .isInstanceOf(Collections.ContradictedException.class).hasMessageContaining("already FAILED");
        assertThat(outstanding(loan)).isEqualTo("12000.00");
    }

    @Test
    void oneKey_opensOneCollection_andAnotherAmountUnderItIsRefused() {
        Loan loan = book();
        String key = "k-" + UUID.randomUUID();

        CollectionRecord first = opened(loan, key, "500.00");
        CollectionRecord again = opened(loan, key, "500.00");

        assertThat(again.id).isEqualTo(first.id);
        assertThatThrownBy(() -> opened(loan, key, "600.00")).isInstanceOf(KeyReusedException.class);
    }

    @Test
    void moneyOpsReceivedAnotherWay_isBookedOnItsValueDate_oncePerBankReference() {
        Loan loan = book();
        LocalDate valueDate = BusinessDate.today(clock).minusDays(5);

        CollectionRecord first = collections.receivedOffline(loan.id, Money.of("300.00"), valueDate, "BANK-77",
                "transfer seen on the statement", "ops-1").await().atMost(WAIT);
        CollectionRecord again = collections.receivedOffline(loan.id, Money.of("300.00"), valueDate, "BANK-77",
                "transfer seen on the statement", "ops-1").await().atMost(WAIT);

        assertThat(first.status).isEqualTo(CollectionStatus.SUCCEEDED);
        assertThat(first.origin).isEqualTo(CollectionRecord.Origin.OFFLINE);
        assertThat(first.valueDate).isEqualTo(valueDate);
        assertThat(first.requestedBy).isEqualTo("ops-1");
        assertThat(again.id).isEqualTo(first.id);
        assertThat(again.transactionId).isEqualTo(first.transactionId);
        assertThat(collections.ofLoan(loan.id).await().atMost(WAIT)).hasSize(1);
        assertThat(books.unbalancedTransactions().await().atMost(WAIT)).isEmpty();
    }
}
