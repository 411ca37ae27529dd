package org.microloan.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.microloan.money.Money;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.CollectionStatus;
import org.microloan.servicing.LoanAccount;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.servicing.ReceivedMoney;
import org.microloan.servicing.ServicingTerms;

class CollectionPropertiesTest {

    /** Whatever the rail reports, in any order and as often as it likes: one move at most, from PENDING, never back. */
    @Property(tries = 1000)
    void aCollection_movesOnceFromPending_andAFinalStatusNeverChanges(
            @ForAll @Size(max = 8) List<CollectionStatus> reports) {
        CollectionStatus status = CollectionStatus.PENDING;
        int moves = 0;
        int bookings = 0;
        for (CollectionStatus reported : reports) {
            CollectionStatus before = status;
            if (status.on(reported) == CollectionStatus.Transition.MOVES) {
                status = reported;
                moves++;
                bookings += reported == CollectionStatus.SUCCEEDED ? 1 : 0;
            }
            if (before.isFinal()) {
                assertThat(status).as("a final status stays").isEqualTo(before);
            }
        }
        assertThat(moves).isLessThanOrEqualTo(1);
        assertThat(bookings).as("the books move once at most").isLessThanOrEqualTo(1);
        if (reports.stream().anyMatch(CollectionStatus::isFinal)) {
            assertThat(status).as("the first final report decides").isEqualTo(reports.stream()
                    .filter(CollectionStatus::isFinal).findFirst().orElseThrow());
        }
    }

    record Receipt(LoanAccount account, LocalDate on, Money amount, PrepaymentChoice choice) {
    }

    @Provide
    Arbitrary<Receipt> receipts() {
        return Combinators.combine(RandomLoans.terms(), Arbitraries.doubles().between(0, 1.5),
                Arbitraries.integers().between(0, 400), Arbitraries.of(PrepaymentChoice.class))
                .as((terms, share, days, choice) -> {
                    LoanAccount account = LoanAccount.opened(RepaymentSchedule.of(terms));
                    LocalDate on = terms.start().plusDays(days);
                    long fen = Math.max(1, (long) (share * account.payoff(on, ServicingTerms.defaults()).fen()));
                    return new Receipt(account, on, Money.ofFen(fen), choice);
                });
    }

    /** Money that has moved is all accounted for: what the loan took plus what is held for a refund is the amount. */
    @Property(tries = 300)
    void moneyReceived_isAllBooked_orHeldForRefund(@ForAll("receipts") Receipt r) {
        ReceivedMoney received = r.account().receive(r.amount(), r.on(), r.choice(), ServicingTerms.defaults());

        assertThat(received.booked().plus(received.unapplied())).isEqualTo(r.amount());
        assertThat(received.unapplied().isNegative()).isFalse();
        assertThat(received.account().outstandingPrincipal()).isLessThanOrEqualTo(r.account().outstandingPrincipal());
        ReceivedMoney again = received.account().receive(r.amount(), r.on(), r.choice(), ServicingTerms.defaults());
        assertThat(again.booked().plus(again.unapplied())).isEqualTo(r.amount());
    }
}
