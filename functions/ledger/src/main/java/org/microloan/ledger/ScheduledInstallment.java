package org.microloan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.microloan.money.Money;
import org.microloan.servicing.BookedInstallment;

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

    /** A new row of {@code loan}, filled by {@link #set}. */
    static ScheduledInstallment of(Loan loan) {
        ScheduledInstallment row = new ScheduledInstallment();
        row.id = UUID.randomUUID().toString();
        row.loan = loan;
        return row;
    }

    BookedInstallment booked() {
        return new BookedInstallment(number, periodStart, dueDate, periodMonths, periodRate, Money.ofFen(principalFen),
                Money.ofFen(interestFen), Money.ofFen(balanceFen), Money.ofFen(paidPrincipalFen),
                Money.ofFen(paidInterestFen), Money.ofFen(penaltyAccruedFen), Money.ofFen(paidPenaltyFen),
                Optional.ofNullable(settledOn));
    }

    void set(BookedInstallment i) {
        number = i.number();
        periodStart = i.periodStart();
        dueDate = i.dueDate();
        periodMonths = i.periodMonths();
        periodRate = i.periodRate();
        principalFen = i.principal().fen();
        interestFen = i.interest().fen();
        balanceFen = i.balance().fen();
        paidPrincipalFen = i.paidPrincipal().fen();
        paidInterestFen = i.paidInterest().fen();
        penaltyAccruedFen = i.penaltyAccrued().fen();
        paidPenaltyFen = i.paidPenalty().fen();
        settledOn = i.settledOn().orElse(null);
    }
}
