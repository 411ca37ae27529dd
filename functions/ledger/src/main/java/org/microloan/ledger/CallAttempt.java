package org.microloan.ledger;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.microloan.servicing.CallOutcome;
import org.microloan.servicing.CallParty;

/**
 * A collector's call about a loan, logged as the conduct rules require: who was called, at which number
 * (kept as a keyed hash and masked, never in full), how it ended, and any promise to pay.
 */
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallParty party = CallParty.BORROWER;

    @Column(name = "about_the_debt", nullable = false)
    public boolean aboutTheDebt = true;

    /** The number's keyed hash: the six-unanswered-a-day limit holds per number, whichever loan the call is about. */
    @Column(name = "number_key")
    public String numberKey;

    @Column(name = "number_masked")
    public String numberMasked;

    @Enumerated(EnumType.STRING)
    public CallOutcome outcome;

    @Column(length = 1000)
    public String note;

    @Column(name = "called_by")
    public String calledBy;

    @Column(name = "promised_fen")
    public Long promisedFen;

    @Column(name = "promised_by")
    public LocalDate promisedBy;
}
