package org.microloan.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.microloan.money.Money;
import org.microloan.schedule.Installment;
import org.microloan.schedule.InterestPeriod;

/**
 * One installment of a booked loan: what the schedule set (or a prepayment reset), and how far it is paid.
 *
 * @param periodRate     r_j as the engine set it, so the schedule can be rebuilt exactly
 * @param balance        principal outstanding once this installment is paid, as scheduled
 * @param penaltyAccrued 罚息 accrued on this installment's overdue principal, day by day
 * @param settledOn      the day the last of it was paid
 */
public record BookedInstallment(int number, LocalDate periodStart, LocalDate dueDate, int periodMonths,
                                BigDecimal periodRate, Money principal, Money interest, Money balance,
                                Money paidPrincipal, Money paidInterest, Money penaltyAccrued, Money paidPenalty,
                                Optional<LocalDate> settledOn) {

    /** An installment of the engine's schedule, nothing paid yet. */
    public static BookedInstallment of(Installment i) {
        return new BookedInstallment(i.number(), i.period().start(), i.dueDate(), i.period().months(), i.periodRate(),
                i.principal(), i.interest(), i.balance(), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                Optional.empty());
    }

    /** The engine's view of it, to quote and reschedule what is not yet paid. */
    public Installment scheduled() {
        return new Installment(number, new InterestPeriod(periodStart, dueDate, periodMonths), periodRate, principal,
                interest, balance);
    }

    public Money principalDue() {
        return principal.minus(paidPrincipal);
    }

    public Money interestDue() {
        return interest.minus(paidInterest);
    }

    public Money penaltyDue() {
        return penaltyAccrued.minus(paidPenalty);
    }

    /** What is left of the installment itself (principal and interest, no penalty). */
    public Money amountDue() {
        return principalDue().plus(interestDue());
    }

    public boolean settled() {
        return settledOn.isPresent();
    }

    /** Unsettled and due before {@code date}. */
    public boolean overdueOn(LocalDate date) {
        return !settled() && dueDate.isBefore(date);
    }

    /** What a kind of due is owed from this installment on {@code on}: nothing if it is not that kind today. */
    Money owed(Due due, LocalDate on) {
        if (settled() || dueDate.isAfter(on)) {
            return Money.ZERO;
        }
        boolean overdue = dueDate.isBefore(on);
        return switch (due) {
            case PENALTY_INTEREST -> penaltyDue();
            case OVERDUE_INTEREST -> overdue ? interestDue() : Money.ZERO;
            case CURRENT_INTEREST -> overdue ? Money.ZERO : interestDue();
            case OVERDUE_PRINCIPAL -> overdue ? principalDue() : Money.ZERO;
            case CURRENT_PRINCIPAL -> overdue ? Money.ZERO : principalDue();
        };
    }

    BookedInstallment paying(Due due, Money part) {
        return switch (due) {
            case PENALTY_INTEREST -> with(paidPrincipal, paidInterest, penaltyAccrued, paidPenalty.plus(part));
            case OVERDUE_INTEREST, CURRENT_INTEREST -> with(paidPrincipal, paidInterest.plus(part), penaltyAccrued, paidPenalty);
            case OVERDUE_PRINCIPAL, CURRENT_PRINCIPAL -> with(paidPrincipal.plus(part), paidInterest, penaltyAccrued, paidPenalty);
        };
    }

    BookedInstallment accruing(Money penalty) {
        return with(paidPrincipal, paidInterest, penaltyAccrued.plus(penalty), paidPenalty);
    }

    /** Settled on {@code on} if it is due by then and nothing of it is left. */
    BookedInstallment settledIfPaid(LocalDate on) {
        if (settled() || dueDate.isAfter(on) || principalDue().isPositive() || interestDue().isPositive()
                || penaltyDue().isPositive()) {
            return this;
        }
        return new BookedInstallment(number, periodStart, dueDate, periodMonths, periodRate, principal, interest,
                balance, paidPrincipal, paidInterest, penaltyAccrued, paidPenalty, Optional.of(on));
    }

    /**
     * Paid off on {@code on}: the installment ends that day and takes all the principal left and the
     * interest accrued since the last payment, all paid.
     */
    BookedInstallment paidOff(LocalDate on, Money principalLeft, Money accrued) {
        Money interestPaid = paidInterest.plus(accrued);
        return new BookedInstallment(number, periodStart, on, periodMonths, periodRate, principalLeft, interestPaid,
                Money.ZERO, principalLeft, interestPaid, penaltyAccrued, paidPenalty, Optional.of(on));
    }

    /** A new installment of a rescheduled loan, whose interest accrued to the day of the prepayment is already paid. */
    static BookedInstallment rescheduled(Installment i, Money accruedPaid) {
        BookedInstallment fresh = of(i);
        return new BookedInstallment(i.number(), fresh.periodStart, fresh.dueDate, fresh.periodMonths, fresh.periodRate,
                i.principal(), i.interest().plus(accruedPaid), i.balance(), Money.ZERO, accruedPaid, Money.ZERO,
                Money.ZERO, Optional.empty());
    }

    private BookedInstallment with(Money paidPrincipal, Money paidInterest, Money penaltyAccrued, Money paidPenalty) {
        return new BookedInstallment(number, periodStart, dueDate, periodMonths, periodRate, principal, interest,
                balance, paidPrincipal, paidInterest, penaltyAccrued, paidPenalty, settledOn);
    }
}
