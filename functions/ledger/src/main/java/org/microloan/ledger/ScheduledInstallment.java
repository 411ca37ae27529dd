package org.microloan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.microloan.schedule.Installment;

/** One installment of a booked loan, as the schedule set it on the day of the payout. */
@Entity
@DynamicUpdate
@Table(name = "installment")
public class ScheduledInstallment {

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "loan_id")
    public Loan loan;

    @Column(nullable = false)
    public int number;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "principal_fen", nullable = false)
    public long principalFen;

    @Column(name = "interest_fen", nullable = false)
    public long interestFen;

    /** Principal outstanding once this installment is paid, as scheduled. */
    @Column(name = "balance_fen", nullable = false)
    public long balanceFen;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_months", nullable = false)
    public int periodMonths;

    /** r_j as the engine set it, so the schedule can be rebuilt exactly. */
    @Column(name = "period_rate", nullable = false, precision = 40, scale = 34)
    public BigDecimal periodRate;

    @Column(name = "paid_principal_fen", nullable = false)
    public long paidPrincipalFen;

    @Column(name = "paid_interest_fen", nullable = false)
    public long paidInterestFen;

    /** 罚息 accrued on this installment's overdue principal, day by day. */
    @Column(name = "penalty_accrued_fen", nullable = false)
    public long penaltyAccruedFen;

    @Column(name = "paid_penalty_fen", nullable = false)
    public long paidPenaltyFen;

    @Column(name = "settled_on")
    public LocalDate settledOn;

    /** A row of the books for one of the engine's installments of {@code loan}. */
    static ScheduledInstallment of(Loan loan, Installment i) {
        ScheduledInstallment row = new ScheduledInstallment();
        row.id = UUID.randomUUID().toString();
        row.loan = loan;
        row.number = i.number();
        row.dueDate = i.dueDate();
        row.principalFen = i.principal().fen();
        row.interestFen = i.interest().fen();
        row.balanceFen = i.balance().fen();
        row.periodStart = i.period().start();
        row.periodMonths = i.period().months();
        row.periodRate = i.periodRate();
        return row;
    }

    public long principalDueFen() {
        return principalFen - paidPrincipalFen;
    }

    public long interestDueFen() {
        return interestFen - paidInterestFen;
    }

    public long penaltyDueFen() {
        return penaltyAccruedFen - paidPenaltyFen;
    }

    public boolean settled() {
        return settledOn != null;
    }
}
