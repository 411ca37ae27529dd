package org.microloan.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.microloan.money.Rate;
import org.microloan.pricing.AnnualPercentageRate;
import org.microloan.pricing.CashFlow;
import org.microloan.schedule.Installment;
import org.microloan.schedule.RepaymentSchedule;

/** A loan as it stands: its schedule, and how many of its installments were paid, each on its due date. */
public record LoanPosition(RepaymentSchedule schedule, int paidInstallments) {

    public LoanPosition {
        int size = schedule.installments().size();
        if (paidInstallments < 0 || paidInstallments > size) {
            throw new IllegalArgumentException("paid installments must be 0 to " + size + ", not " + paidInstallments);
        }
    }

    public List<Installment> paid() {
        return schedule.installments().subList(0, paidInstallments);
    }

    public List<Installment> unpaid() {
        return schedule.installments().subList(paidInstallments, schedule.installments().size());
    }

    /** The day of the last payment, or the start of the loan when nothing was paid yet. */
    public LocalDate lastPaymentDate() {
        return paidInstallments == 0 ? schedule.terms().start() : paid().get(paidInstallments - 1).dueDate();
    }

    /** Unpaid installments whose due date is on or before {@code date}. */
    public List<Installment> dueOn(LocalDate date) {
        return unpaid().stream().filter(i -> !i.dueDate().isAfter(date)).toList();
    }

    /** The unpaid installment whose period is running on {@code date} (start ≤ date < due date), if any. */
    public Optional<Installment> runningOn(LocalDate date) {
        return unpaid().stream().filter(i -> i.dueDate().isAfter(date)).findFirst();
    }

    /**
     * Interest accrued inside a running period up to {@code date}:
     * balance × r_j × (actual days elapsed / actual days of the period), unrounded.
     */
    public static BigDecimal accruedInterest(Installment running, LocalDate date) {
        return running.openingBalance().amount()
                .multiply(running.periodRate())
                .multiply(BigDecimal.valueOf(running.period().daysElapsed(date)))
                .divide(BigDecimal.valueOf(running.period().actualDays()), Rate.CONTEXT);
    }

    /** Everything that changed hands so far: the payout and the installments paid. */
    public List<CashFlow> cashFlowsSoFar() {
        return AnnualPercentageRate.cashFlows(schedule).subList(0, paidInstallments + 1);
    }

    void requireNotBeforeLastPayment(LocalDate date) {
        if (date.isBefore(lastPaymentDate())) {
            throw new IllegalArgumentException("the date " + date + " is before the last payment on "
                    + lastPaymentDate() + ": quote on or after it");
        }
    }
}
