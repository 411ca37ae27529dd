package org.microloan.ledger;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An early-warning signal on a loan (from a partner or ops) and the actions it led to. */
@Entity
@Table(name = "loan_event")
public class LoanEvent {

    @Id
    public String id;

    @Column(name = "loan_id", nullable = false)
    public String loanId;

    @Column(nullable = false)
    public String signal;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    /** The actions taken, comma-separated. */
    @Column(nullable = false)
    public String actions;

    @Column(length = 500)
    public String detail;
}
