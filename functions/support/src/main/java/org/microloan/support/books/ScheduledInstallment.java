package org.microloan.support.books;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One installment of a booked loan, as the schedule set it on the day of the payout. */
@Entity
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
}
