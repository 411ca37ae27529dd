package org.microloan.ledger;

import org.microloan.product.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.DynamicUpdate;
import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.servicing.BookedInstallment;
import org.microloan.servicing.FiveTierClass;
import org.microloan.servicing.LoanAccount;
import org.microloan.servicing.LoanStatus;

/** A loan in the books. One per application, whatever is replayed: the unique constraint is the last guard. */
@Entity
@DynamicUpdate
@Table(name = "loan", uniqueConstraints = @UniqueConstraint(name = "loan_once_per_application", columnNames = "application_id"))
public class Loan {

    @Id
    public String id;

    @Column(name = "application_id", nullable = false)
    public String applicationId;

    @Column(name = "borrower_id", nullable = false)
    public String borrowerId;

    @Column(name = "product_code", nullable = false)
    public String productCode;

    @Column(name = "principal_fen", nullable = false)
    public long principalFen;

    @Column(name = "annual_rate", nullable = false, precision = 20, scale = 12)
    public BigDecimal annualRate;

    @Column(nullable = false)
    public String method;

    @Column(name = "day_count", nullable = false)
    public String dayCount;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "payout_reference", nullable = false)
    public String payoutReference;

    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;

    @Column(nullable = false)
    public String frequency;

    @Column(nullable = false)
    public String rounding;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LoanStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "five_tier_class", nullable = false)
    public FiveTierClass fiveTierClass;

    @Column(name = "classified_on")
    public LocalDate classifiedOn;

    @Column(name = "arrears_cleared_on")
    public LocalDate arrearsClearedOn;

    @Column(name = "with_agency", nullable = false)
    public boolean withAgency;

    /** The equal installment in force (changed by a prepayment that lowers it); null for other methods. */
    @Column(name = "emi_fen")
    public Long emiFen;

    @Column(name = "flagged_for_review", nullable = false)
    public boolean flaggedForReview;

    /** The day the lender called the loan in (business loans, where the contract allows it). */
    @Column(name = "called_in_on")
    public LocalDate calledInOn;

    /** The last business date whose penalty interest is in the books: the run is idempotent by it. */
    @Column(name = "penalty_accrued_through")
    public LocalDate penaltyAccruedThrough;

    /** Who the payout went to: the borrower, or a merchant or school (受托支付) named below. */
    @Enumerated(EnumType.STRING)
    @Column(name = "paid_to", nullable = false)
    public Product.PaidTo paidTo = Product.PaidTo.BORROWER;

    @Column(name = "payee_name")
    public String payeeName;

    @Column(name = "payee_credit_code")
    public String payeeCreditCode;

    @Column(name = "payee_account_masked")
    public String payeeAccountMasked;

    @OneToMany(mappedBy = "loan", cascade = CascadeType.ALL)
    @OrderBy("number")
    public List<ScheduledInstallment> installments = new ArrayList<>();

    /** The loan's account as the books hold it; its installments must have been fetched. */
    public LoanAccount account() {
        return new LoanAccount(Money.ofFen(principalFen), annualRate, RepaymentMethod.valueOf(method),
                DayCount.fromLabel(dayCount), Frequency.valueOf(frequency), startDate, RoundingMode.valueOf(rounding),
                Optional.ofNullable(emiFen).map(Money::ofFen), status, Optional.ofNullable(arrearsClearedOn),
                Optional.ofNullable(penaltyAccruedThrough),
                installments.stream().map(ScheduledInstallment::booked).toList());
    }

    /**
     * Writes what changed in the account to this loan and its rows, matched by installment number: rows the
     * account no longer has are taken off the loan and returned, for the session to remove.
     */
    List<ScheduledInstallment> record(LoanAccount account) {
        status = account.status();
        emiFen = account.emi().map(Money::fen).orElse(null);
        arrearsClearedOn = account.arrearsClearedOn().orElse(null);
        penaltyAccruedThrough = account.penaltyAccruedThrough().orElse(null);
        Map<Integer, ScheduledInstallment> rows = new HashMap<>();
        installments.forEach(row -> rows.put(row.number, row));
        for (BookedInstallment booked : account.installments()) {
            ScheduledInstallment row = rows.remove(booked.number());
            if (row == null) {
                row = ScheduledInstallment.of(this);
                installments.add(row);
            }
            row.set(booked);
        }
        installments.removeAll(rows.values());
        return List.copyOf(rows.values());
    }
}
