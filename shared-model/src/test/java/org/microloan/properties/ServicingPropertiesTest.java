package org.microloan.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.microloan.money.Money;
import org.microloan.schedule.Installment;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.LoanPosition;
import org.microloan.servicing.Payoff;
import org.microloan.servicing.PayoffQuote;
import org.microloan.servicing.Prepayment;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.servicing.PrepaymentResult;
import org.microloan.servicing.ServicingTerms;

class ServicingPropertiesTest {

    /** A loan with some installments paid on time, a day inside the period now running, and a share of the balance. */
    record Moment(LoanPosition position, LocalDate on, Installment running, Money prepaid, PrepaymentChoice choice) {
    }

    @Provide
    Arbitrary<Moment> moments() {
        return Combinators.combine(
                RandomLoans.terms(),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(PrepaymentChoice.class)
        ).as((terms, paidShare, dayShare, amountShare, choice) -> {
            RepaymentSchedule schedule = RepaymentSchedule.of(terms);
            int paid = (int) Math.min(schedule.installments().size() - 1, paidShare * schedule.installments().size());
            Installment running = schedule.installments().get(paid);
            LocalDate on = running.period().start().plusDays(
                    Math.min(running.period().actualDays() - 1, (long) (dayShare * running.period().actualDays())));
            long balanceFen = running.openingBalance().fen();
            Money prepaid = Money.ofFen(Math.max(1, Math.min(balanceFen - 1, (long) (amountShare * balanceFen))));
            return new Moment(new LoanPosition(schedule, paid), on, running, prepaid, choice);
        }).filter(m -> m.running().openingBalance().fen() > 1);
    }

    @Property(tries = 500)
    void payoffToday_isTheRemainingPrincipalPlusAccruedInterest(@ForAll("moments") Moment moment) {
        PayoffQuote quote = Payoff.quote(moment.position(), moment.on(), ServicingTerms.defaults());

        assertThat(quote.principal()).isEqualTo(moment.running().openingBalance());
        assertThat(quote.penaltyInterest()).isEqualTo(Money.ZERO);
        assertThat(quote.interest()).isEqualTo(quote.accruedInterest());
        assertThat(quote.accruedInterest()).isLessThanOrEqualTo(moment.running().interest());
        Money restOfSchedule = Money.total(moment.position().unpaid().stream().map(Installment::total));
        assertThat(quote.total()).isLessThanOrEqualTo(restOfSchedule);
    }

    /** The same moments, prepaying only 1 fen to 1 yuan: where re-rounding the installment could bite. */
    @Provide
    Arbitrary<Moment> tinyPrepayments() {
        return Combinators.combine(moments(), Arbitraries.longs().between(1, 100))
                .as((m, fen) -> new Moment(m.position(), m.on(), m.running(),
                        Money.ofFen(Math.min(fen, m.running().openingBalance().fen() - 1)), m.choice()));
    }

    @Property(tries = 1000)
    void prepayingNeverRaisesTotalInterest_evenByAFen(@ForAll("tinyPrepayments") Moment moment) {
        prepayingNeverRaisesTotalInterest(moment);
    }

    @Property(tries = 1000)
    void prepayingNeverRaisesTotalInterest(@ForAll("moments") Moment moment) {
        PrepaymentResult result = Prepayment.apply(moment.position(), moment.on(), moment.prepaid(), moment.choice(),
                ServicingTerms.defaults());

        Money interestWithout = Money.total(moment.position().unpaid().stream().map(Installment::interest));
        assertThat(result.accruedInterest().plus(result.remainingInterest())).isLessThanOrEqualTo(interestWithout);
        assertThat(Money.total(result.remaining().stream().map(Installment::principal)))
                .isEqualTo(moment.running().openingBalance().minus(moment.prepaid()));
    }
}
