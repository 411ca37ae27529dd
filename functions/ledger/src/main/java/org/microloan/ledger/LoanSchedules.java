package org.microloan.ledger;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.Installment;
import org.microloan.schedule.InterestPeriod;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.LoanPosition;
import org.microloan.servicing.Payoff;
import org.microloan.servicing.PayoffQuote;
import org.microloan.servicing.ServicingTerms;

/** A booked loan as the engine sees it: its terms, its schedule as booked, and how far it is paid. */
final class LoanSchedules {

    private LoanSchedules() {
    }

    static LoanTerms terms(Loan loan, List<ScheduledInstallment> rows) {
        return new LoanTerms(Money.ofFen(loan.principalFen), loan.annualRate, rows.size(),
                RepaymentMethod.valueOf(loan.method), DayCount.fromLabel(loan.dayCount), Frequency.valueOf(loan.frequency),
                loan.startDate, rows.get(0).dueDate, RoundingMode.valueOf(loan.rounding), Money.ZERO);
    }

    /** The schedule exactly as booked (after any prepayment), installment by installment. */
    static RepaymentSchedule schedule(Loan loan, List<ScheduledInstallment> rows) {
        List<Installment> installments = rows.stream().map(r -> new Installment(r.number,
                new InterestPeriod(r.periodStart, r.dueDate, r.periodMonths), r.periodRate, Money.ofFen(r.principalFen),
                Money.ofFen(r.interestFen), Money.ofFen(r.balanceFen))).toList();
        return new RepaymentSchedule(terms(loan, rows), Optional.ofNullable(loan.emiFen).map(Money::ofFen), installments);
    }

    /** Paid up to the last settled installment of an unbroken run from the first. */
    static LoanPosition position(Loan loan, List<ScheduledInstallment> rows) {
        int settled = 0;
        while (settled < rows.size() && rows.get(settled).settled()) {
            settled++;
        }
        return new LoanPosition(schedule(loan, rows), settled);
    }

    /**
     * What settles the loan on {@code on}: everything due (as booked, after part payments and with the
     * penalty accrued), then the engine's pay-off of the rest: principal not yet due, interest accrued in
     * the running period, any prepayment penalty.
     */
    static Money payoff(Loan loan, List<ScheduledInstallment> rows, LocalDate on, ServicingTerms servicing) {
        Money due = Money.total(Repayments.owed(rows, on).values().stream());
        int dueOrPaid = (int) rows.stream().filter(r -> r.settled() || !r.dueDate.isAfter(on)).count();
        PayoffQuote rest = Payoff.quote(new LoanPosition(schedule(loan, rows), dueOrPaid), on, servicing);
        return due.plus(rest.total());
    }

    /** Days past due: since the oldest installment due before {@code date} and not settled; 0 if none. */
    static long daysPastDue(List<ScheduledInstallment> rows, LocalDate date) {
        return rows.stream().filter(r -> !r.settled() && r.dueDate.isBefore(date)).findFirst()
                .map(r -> ChronoUnit.DAYS.between(r.dueDate, date)).orElse(0L);
    }
}
