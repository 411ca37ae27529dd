package org.microloan.ledger;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A call to a borrower about a loan, logged as the conduct rules require. */
@Entity
@Table(name = "call_attempt")
public class CallAttempt {

    @Id
    public String id;

    @Column(name = "loan_id", nullable = false)
    public String loanId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public boolean answered;
}
