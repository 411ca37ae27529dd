package org.microloan.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.microloan.money.Money;
import org.microloan.money.Rate;
import org.microloan.pricing.CashFlow;
import org.microloan.schedule.AccruedInterest;
import org.microloan.schedule.Amortization;
import org.microloan.schedule.Installment;
import org.microloan.schedule.InterestPeriod;
import org.microloan.schedule.LoanTerms;

/**
 * A partial prepayment between due dates. On the day the borrower pays the principal prepaid, the
 * interest accrued so far on the whole balance, and the penalty; the rest of the current period then
 * runs on the lower balance, and the schedule is rebuilt as the borrower chose.
 */
public final class Prepayment {

    private Prepayment() {
    }

    public static PrepaymentResult apply(LoanPosition position, LocalDate on, Money principal,
                                         PrepaymentChoice choice, ServicingTerms servicing) {
        position.requireNotBeforeLastPayment(on);
        position.dueOn(on).stream().findFirst().ifPresent(i -> {
            throw new IllegalArgumentException("installment " + i.number() + " due on " + i.dueDate()
                    + " is unpaid: settle what is due before prepaying");
        });
        Installment running = position.runningOn(on)
                .orElseThrow(() -> new IllegalArgumentException("the loan has nothing left to prepay on " + on));
        Money balance = running.openingBalance();
        if (!principal.isPositive() || !principal.isLessThan(balance)) {
            throw new IllegalArgumentException("a partial prepayment is more than 0 and less than the balance "
                    + balance + ", not " + principal + "; to repay everything, ask for a pay-off quote");
        }
        LoanTerms terms = position.schedule().terms();
        BigDecimal accruedExact = LoanPosition.accruedInterest(running, on);
        Money accruedPaid = Money.of(accruedExact, terms.rounding());

        Amortization rest = new Amortization(balance.minus(principal), periodsFrom(position),
                ratesFrom(position, running, on), terms.rounding(), running.number(),
                new AccruedInterest(accruedExact, accruedPaid));
        boolean shorten = choice == PrepaymentChoice.SHORTEN_TERM;
        Money interestWithout = Money.total(position.unpaid().stream().map(Installment::interest)).minus(accruedPaid);
        Optional<Money> emi = Optional.empty();
        List<Installment> remaining = switch (terms.method()) {
            case EQUAL_INSTALLMENT -> {
                Money kept = position.schedule().emi().orElseThrow();
                emi = Optional.of(shorten ? kept : lowered(rest.emi(), kept, rest::equalInstallments, interestWithout));
                yield rest.equalInstallments(emi.get());
            }
            case EQUAL_PRINCIPAL -> {
                Money kept = Amortization.of(terms).equalPrincipalPart();
                yield rest.equalPrincipal(shorten ? kept
                        : lowered(rest.equalPrincipalPart(), kept, rest::equalPrincipal, interestWithout));
            }
            case FLAT -> rest.flat(shorten ? Amortization.of(terms).equalPrincipalPart() : rest.equalPrincipalPart(),
                    balance.minus(principal));
            case INTEREST_ONLY, DAILY_ACCRUAL -> rest.interestOnly();
        };

        List<CashFlow> later = remaining.stream().map(i -> CashFlow.paid(i.dueDate(), i.total())).toList();
        Money penalty = Payoff.prepaymentPenalty(position, servicing, principal, on, principal.plus(accruedPaid), later);
        return new PrepaymentResult(on, principal, accruedPaid, penalty, emi, remaining);
    }

    /**
     * The lowered installment (or principal part) is rounded like any other; where that rounding alone
     * would slow the repayment enough to cost more interest than not prepaying, it is raised a fen at a
     * time. Keeping the old amount never costs more, so the search ends there at the latest.
     */
    private static Money lowered(Money rounded, Money kept, Function<Money, List<Installment>> schedule,
                                 Money interestWithout) {
        Money amount = rounded;
        while (amount.isLessThan(kept)
                && Money.total(schedule.apply(amount).stream().map(Installment::interest)).isGreaterThan(interestWithout)) {
            amount = amount.plus(Money.ofFen(1));
        }
        return amount;
    }

    private static List<InterestPeriod> periodsFrom(LoanPosition position) {
        return position.unpaid().stream().map(Installment::period).toList();
    }

    /** The current period keeps only the share of its rate still to run: r_j × days left / days. */
    private static List<BigDecimal> ratesFrom(LoanPosition position, Installment running, LocalDate on) {
        List<BigDecimal> rates = new ArrayList<>(position.unpaid().stream().map(Installment::periodRate).toList());
        InterestPeriod period = running.period();
        long daysLeft = period.actualDays() - period.daysElapsed(on);
        rates.set(0, running.periodRate().multiply(BigDecimal.valueOf(daysLeft))
                .divide(BigDecimal.valueOf(period.actualDays()), Rate.CONTEXT));
        return rates;
    }
}
