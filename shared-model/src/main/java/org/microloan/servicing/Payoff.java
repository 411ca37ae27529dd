package org.microloan.servicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.microloan.money.Money;
import org.microloan.pricing.AnnualPercentageRate;
import org.microloan.pricing.CashFlow;
import org.microloan.schedule.Installment;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;

/** The pay-off quote: everything owed on a day, to close the loan. */
public final class Payoff {

    private Payoff() {
    }

    public static PayoffQuote quote(LoanPosition position, LocalDate on, ServicingTerms servicing) {
        position.requireNotBeforeLastPayment(on);
        LoanTerms terms = position.schedule().terms();
        RoundingMode rounding = terms.rounding();
        BigDecimal penaltyRate = servicing.penaltyInterestRate(terms.annualRate());

        List<Installment> due = position.dueOn(on);
        Money duePrincipal = Money.total(due.stream().map(Installment::principal));
        Money dueInterest = Money.total(due.stream().map(Installment::interest));
        Money penaltyInterest = Money.total(due.stream().map(i -> PenaltyInterest.accrue(i.principal(), penaltyRate,
                ChronoUnit.DAYS.between(i.dueDate(), on), terms.dayCount(), rounding)));

        Optional<Installment> running = position.runningOn(on);
        Money principalNotDue = running.map(Installment::openingBalance).orElse(Money.ZERO);
        Money accrued = running.map(i -> Money.of(LoanPosition.accruedInterest(i, on), rounding)).orElse(Money.ZERO);

        PayoffQuote withoutPenalty = new PayoffQuote(on, duePrincipal, dueInterest, penaltyInterest,
                principalNotDue, accrued, Money.ZERO);
        Money penalty = prepaymentPenalty(position, servicing, principalNotDue, on, withoutPenalty.total(), List.of());
        return new PayoffQuote(on, duePrincipal, dueInterest, penaltyInterest, principalNotDue, accrued, penalty);
    }

    /**
     * The penalty on principal prepaid: its configured share, but never so much that the realised APR
     * (every flow so far, this payment, and the installments still to come, on actual days) rises above
     * the cap. 随借随还 loans repay any day without one.
     */
    static Money prepaymentPenalty(LoanPosition position, ServicingTerms servicing, Money principalPrepaid,
                                   LocalDate on, Money paymentWithoutPenalty, List<CashFlow> laterFlows) {
        LoanTerms terms = position.schedule().terms();
        if (terms.method() == RepaymentMethod.DAILY_ACCRUAL || !principalPrepaid.isPositive()) {
            return Money.ZERO;
        }
        Money penalty = principalPrepaid.multipliedBy(servicing.prepaymentPenaltyRate(), terms.rounding());
        if (servicing.cap().isEmpty() || penalty.isZero()) {
            return penalty;
        }
        List<CashFlow> flows = new ArrayList<>(position.cashFlowsSoFar());
        flows.add(CashFlow.paid(on, paymentWithoutPenalty));
        flows.addAll(laterFlows);
        return penalty.min(AnnualPercentageRate.roomUnderCap(flows, on, servicing.cap().get()));
    }
}
