package org.microloan.servicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.Installment;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;

/**
 * A booked loan's account: its terms, its installments as booked and paid, and the arithmetic of its
 * life after the payout: what is owed on a day, how a payment settles it (or prepays, or pays it off),
 * the penalty interest of lateness, and what would settle it. Every change returns a new account.
 *
 * @param emi                   the equal installment in force (a prepayment may lower it); empty for other methods
 * @param arrearsClearedOn      the day the last arrears were repaid, which starts the observation for an upgrade
 * @param penaltyAccruedThrough the last day whose penalty interest is in the account
 */
public record LoanAccount(Money principal, BigDecimal annualRate, RepaymentMethod method, DayCount dayCount,
                          Frequency frequency, LocalDate start, RoundingMode rounding, Optional<Money> emi,
                          LoanStatus status, Optional<LocalDate> arrearsClearedOn,
                          Optional<LocalDate> penaltyAccruedThrough, List<BookedInstallment> installments) {

    public LoanAccount {
        installments = installments.stream().sorted(Comparator.comparingInt(BookedInstallment::number)).toList();
        if (installments.isEmpty()) {
            throw new IllegalArgumentException("a loan account has at least one installment");
        }
    }

    /** The account of a loan paid out today on {@code schedule}: active, nothing paid. */
    public static LoanAccount opened(RepaymentSchedule schedule) {
        LoanTerms terms = schedule.terms();
        return new LoanAccount(terms.principal(), terms.annualRate(), terms.method(), terms.dayCount(), terms.frequency(),
                terms.start(), terms.rounding(), schedule.emi(), LoanStatus.ACTIVE, Optional.empty(), Optional.empty(),
                schedule.installments().stream().map(BookedInstallment::of).toList());
    }

    public boolean settled() {
        return status == LoanStatus.SETTLED;
    }

    /** What is due on the day, by kind: penalty and arrears before the day, the installment of the day. */
    public Map<Due, Money> owed(LocalDate on) {
        Map<Due, Money> owed = new EnumMap<>(Due.class);
        for (Due due : Due.values()) {
            owed.put(due, Money.total(installments.stream().map(i -> i.owed(due, on))));
        }
        return owed;
    }

    /** Everything {@link #owed} on the day, in all: what a collector asks for now. */
    public Money totalOwed(LocalDate on) {
        return Money.total(owed(on).values().stream());
    }

    public Money outstandingPrincipal() {
        return Money.total(installments.stream().map(BookedInstallment::principalDue));
    }

    /** Days past due: since the oldest installment due before {@code date} and not settled; 0 if none. */
    public long daysPastDue(LocalDate date) {
        return installments.stream().filter(i -> i.overdueOn(date)).findFirst()
                .map(i -> ChronoUnit.DAYS.between(i.dueDate(), date)).orElse(0L);
    }

    /** The first unsettled installment due on or after {@code on}. */
    public Optional<BookedInstallment> nextDue(LocalDate on) {
        return installments.stream().filter(i -> !i.settled() && !i.dueDate().isBefore(on)).findFirst();
    }

    /** Interest the running period has accrued by {@code on}, rounded as the loan rounds. */
    public Money accruedInterest(LocalDate on) {
        if (settled()) {
            return Money.ZERO;
        }
        return position().runningOn(on).filter(i -> !i.period().start().isAfter(on))
                .map(i -> Money.of(LoanPosition.accruedInterest(i, on), rounding)).orElse(Money.ZERO);
    }

    /**
     * What settles the loan on {@code on}: everything due (as booked, after part payments and with the
     * penalty accrued), then the engine's pay-off of the rest: principal not yet due, interest accrued in
     * the running period, any prepayment penalty.
     */
    public Money payoff(LocalDate date, ServicingTerms servicing) {
        if (settled()) {
            return Money.ZERO;
        }
        LocalDate on = notBeforeLastPayment(date);
        Money due = totalOwed(on);
        int dueOrPaid = (int) installments.stream().filter(i -> i.settled() || !i.dueDate().isAfter(on)).count();
        return due.plus(Payoff.quote(new LoanPosition(schedule(), dueOrPaid), on, servicing).total());
    }

    /**
     * What the daily auto-debit (代扣) asks of the bound account on {@code date}: everything owed, on the day
     * an installment falls due and on each configured day past due (a failed collection tried again).
     */
    public Optional<Money> autoDebit(LocalDate date, Set<Integer> retryDaysPastDue) {
        Map<Due, Money> owed = owed(date);
        Money total = Money.total(owed.values().stream());
        boolean dueToday = owed.get(Due.CURRENT_PRINCIPAL).plus(owed.get(Due.CURRENT_INTEREST)).isPositive();
        boolean retryDay = retryDaysPastDue.contains((int) daysPastDue(date));
        return total.isPositive() && !settled() && (dueToday || retryDay) ? Optional.of(total) : Optional.empty();
    }

    /**
     * 罚息 for every day from the last accrual to {@code date}, on each overdue installment's principal, at
     * the servicing terms' penalty rate. The same account if nothing is overdue or the day is already in.
     */
    public LoanAccount accruePenalty(LocalDate date, ServicingTerms servicing) {
        boolean overdue = installments.stream().anyMatch(i -> i.overdueOn(date) && i.principalDue().isPositive());
        if (!overdue || penaltyAccruedThrough.filter(through -> !through.isBefore(date)).isPresent()) {
            return this;
        }
        BigDecimal rate = servicing.penaltyInterestRate(annualRate);
        List<BookedInstallment> accrued = installments.stream().map(i -> {
            if (!i.overdueOn(date) || !i.principalDue().isPositive()) {
                return i;
            }
            LocalDate from = penaltyAccruedThrough.filter(through -> !through.isBefore(i.dueDate())).orElse(i.dueDate());
            long days = ChronoUnit.DAYS.between(from, date);
            Money perDay = PenaltyInterest.accrue(i.principalDue(), rate, 1, dayCount, rounding);
            return i.accruing(Money.ofFen(perDay.fen() * days));
        }).toList();
        return with(status, emi, arrearsClearedOn, Optional.of(date), accrued);
    }

    /**
     * Money received on {@code on}: it settles what is due in the allocation order; anything beyond is a
     * prepayment as the borrower chose, or the pay-off when it is exactly that. More than the pay-off, or a
     * prepayment that would not even cover the interest accrued with it, is refused.
     */
    public RepaymentOutcome repay(Money amount, LocalDate date, PrepaymentChoice choice, ServicingTerms servicing) {
        if (settled()) {
            return new RepaymentOutcome.Refused(RepaymentOutcome.Refusal.LOAN_SETTLED,
                    "the loan is repaid in full: nothing is owed", Money.ZERO);
        }
        LocalDate on = notBeforeLastPayment(date);
        boolean hadArrears = daysPastDue(on) > 0;
        if (!amount.isPositive()) {
            return new RepaymentOutcome.Refused(RepaymentOutcome.Refusal.NOT_POSITIVE,
                    "a repayment is above 0, not " + amount, payoff(on, servicing));
        }
        Map<Due, Money> owed = owed(on);
        Money totalDue = Money.total(owed.values().stream());
        if (!servicing.partialRepayment() && amount.isLessThan(totalDue)) {
            return new RepaymentOutcome.Refused(RepaymentOutcome.Refusal.BELOW_AMOUNT_DUE, "this product takes no "
                    + "partial repayment: " + totalDue + " is due on " + on + ", send at least that, not " + amount,
                    payoff(on, servicing));
        }
        PaymentAllocation allocation = PaymentAllocation.allocate(amount, owed, servicing.allocationOrder());
        LoanAccount paid = settle(allocation, on);

        Money remainder = allocation.unapplied();
        if (!remainder.isPositive()) {
            return new RepaymentOutcome.Repaid(paid.closed(on, hadArrears), allocation, Money.ZERO,
                    Money.ZERO, Money.ZERO);
        }
        LoanPosition position = paid.position();
        PayoffQuote payoff = Payoff.quote(position, on, servicing);
        if (remainder.isGreaterThan(payoff.total())) {
            Money whole = payoff(on, servicing);
            return new RepaymentOutcome.Refused(RepaymentOutcome.Refusal.ABOVE_PAYOFF, amount
                    + " is more than the pay-off amount " + whole + " on this day: send at most " + whole, whole);
        }
        Installment running = position.runningOn(on).orElseThrow();
        Money accrued = payoff.accruedInterest();
        if (remainder.equals(payoff.total())) {
            Money prepaid = payoff.principalNotDue();
            List<BookedInstallment> rows = new ArrayList<>();
            for (BookedInstallment i : paid.installments) {
                if (i.number() < running.number()) {
                    rows.add(i);
                } else if (i.number() == running.number()) {
                    rows.add(i.paidOff(on, prepaid, accrued));
                }
            }
            LoanAccount after = paid.with(status, emi, arrearsClearedOn, penaltyAccruedThrough, rows);
            return new RepaymentOutcome.Repaid(after.closed(on, hadArrears), allocation, prepaid, accrued,
                    payoff.prepaymentPenalty());
        }
        Money principal = remainder.minus(accrued);
        if (!principal.isPositive()) {
            return new RepaymentOutcome.Refused(RepaymentOutcome.Refusal.BELOW_ACCRUED_INTEREST, remainder
                    + " beyond what is due does not cover the interest of " + accrued + " accrued to " + on
                    + ": send more than " + totalDue.plus(accrued) + ", or exactly " + totalDue, payoff(on, servicing));
        }
        PrepaymentResult result = Prepayment.apply(position, on, principal, choice, servicing);
        List<BookedInstallment> rows = new ArrayList<>(
                paid.installments.stream().filter(i -> i.number() < running.number()).toList());
        for (Installment i : result.remaining()) {
            rows.add(i.number() == running.number() ? BookedInstallment.rescheduled(i, result.accruedInterest())
                    : BookedInstallment.of(i));
        }
        LoanAccount after = paid.with(status, result.emi().or(() -> emi), arrearsClearedOn, penaltyAccruedThrough, rows);
        return new RepaymentOutcome.Repaid(after.closed(on, hadArrears), allocation, principal,
                result.accruedInterest(), result.penalty());
    }

    /**
     * Money the rail has collected (or ops has received) on {@code on}: repaid as {@link #repay} would, and
     * where the loan cannot take all of it (settled meanwhile, more than the pay-off, or a remainder too
     * small to prepay with its interest) the loan takes what it can and the rest is unapplied, to refund.
     */
    public ReceivedMoney receive(Money amount, LocalDate on, PrepaymentChoice choice, ServicingTerms terms) {
        // money that has moved is applied even where the product would refuse to ask for so little
        ServicingTerms servicing = terms.withPartialRepayment(true);
        RepaymentOutcome outcome = repay(amount, on, choice, servicing);
        if (outcome instanceof RepaymentOutcome.Repaid repaid) {
            return new ReceivedMoney(repaid.account(), Optional.of(repaid), Money.ZERO);
        }
        RepaymentOutcome.Refused refused = (RepaymentOutcome.Refused) outcome;
        Money takes = switch (refused.refusal()) {
            case LOAN_SETTLED, NOT_POSITIVE, BELOW_AMOUNT_DUE -> Money.ZERO;
            case ABOVE_PAYOFF -> refused.payoff();
            case BELOW_ACCRUED_INTEREST -> totalOwed(on);
        };
        if (!takes.isPositive()) {
            return new ReceivedMoney(this, Optional.empty(), amount.max(Money.ZERO));
        }
        RepaymentOutcome.Repaid part = (RepaymentOutcome.Repaid) repay(takes, on, choice, servicing);
        return new ReceivedMoney(part.account(), Optional.of(part), amount.minus(takes));
    }

    /** The schedule exactly as booked (after any prepayment), installment by installment. */
    public RepaymentSchedule schedule() {
        LoanTerms terms = new LoanTerms(principal, annualRate, installments.size(), method, dayCount, frequency, start,
                installments.get(0).dueDate(), rounding, Money.ZERO);
        return new RepaymentSchedule(terms, emi, installments.stream().map(BookedInstallment::scheduled).toList());
    }

    /** Paid up to the last settled installment of an unbroken run from the first. */
    public LoanPosition position() {
        int settled = 0;
        while (settled < installments.size() && installments.get(settled).settled()) {
            settled++;
        }
        return new LoanPosition(schedule(), settled);
    }

    /**
     * The books move forward: money valued before an installment already settled (ops' transfer seen late)
     * counts from that installment's due date, where the engine's quotes start.
     */
    private LocalDate notBeforeLastPayment(LocalDate on) {
        LocalDate last = position().lastPaymentDate();
        return on.isBefore(last) ? last : on;
    }

    /** Spreads what each kind of due received over the installments, oldest first, and settles the paid ones. */
    private LoanAccount settle(PaymentAllocation allocation, LocalDate on) {
        List<BookedInstallment> rows = new ArrayList<>(installments);
        for (Due due : Due.values()) {
            Money left = allocation.appliedTo(due);
            for (int n = 0; n < rows.size() && left.isPositive(); n++) {
                Money part = left.min(rows.get(n).owed(due, on));
                if (part.isPositive()) {
                    rows.set(n, rows.get(n).paying(due, part));
                    left = left.minus(part);
                }
            }
        }
        return with(status, emi, arrearsClearedOn, penaltyAccruedThrough,
                rows.stream().map(i -> i.settledIfPaid(on)).toList());
    }

    /** Arrears cleared today if there were some, and settled when nothing is left. */
    private LoanAccount closed(LocalDate on, boolean hadArrears) {
        Optional<LocalDate> cleared = hadArrears && daysPastDue(on) == 0 ? Optional.of(on) : arrearsClearedOn;
        LoanStatus after = installments.stream().allMatch(BookedInstallment::settled) ? LoanStatus.SETTLED : status;
        return with(after, emi, cleared, penaltyAccruedThrough, installments);
    }

    private LoanAccount with(LoanStatus status, Optional<Money> emi, Optional<LocalDate> arrearsClearedOn,
                             Optional<LocalDate> penaltyAccruedThrough, List<BookedInstallment> installments) {
        return new LoanAccount(principal, annualRate, method, dayCount, frequency, start, rounding, emi, status,
                arrearsClearedOn, penaltyAccruedThrough, installments);
    }
}
