package org.microloan.ledger;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.microloan.servicing.CollectionStatus;
import org.microloan.servicing.PrepaymentChoice;

/**
 * Money asked for or received for a loan: a collection from the borrower's bound account through the
 * payment rail (asked by the borrower, or the daily auto-debit), or money ops received another way. The
 * books move when it SUCCEEDED, once: its transaction is the posting.
 */
@Entity
@Table(name = "collection", uniqueConstraints = @UniqueConstraint(name = "collection_once_per_key",
        columnNames = "idempotency_key"))
public class CollectionRecord {

    /** Who asked for the money. */
    public enum Origin { BORROWER, AUTO_DEBIT, OFFLINE }

    @Id
    public String id;

    @Column(name = "loan_id", nullable = false)
    public String loanId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(name = "amount_fen", nullable = false)
    public long amountFen;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PrepaymentChoice choice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CollectionStatus status;

    /** Why it failed, as the rail said (INSUFFICIENT_FUNDS...). */
    public String reason;

    /** The rail's id of the collection. */
    @Column(name = "rail_reference")
    public String railReference;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "settled_at")
    public Instant settledAt;

    /** The business date the money is booked on: the day the rail settled it (China time), or ops' value date. */
    @Column(name = "value_date")
    public LocalDate valueDate;

    @Column(name = "transaction_id")
    public String transactionId;

    /** What the loan could not take (it was settled meanwhile, or less was owed): held to refund. */
    @Column(name = "unapplied_fen", nullable = false)
    public long unappliedFen;

    /** The bank's reference of money ops received another way. */
    @Column(name = "bank_reference")
    public String bankReference;

    /** Ops' reason for posting money received another way. */
    @Column(length = 1000)
    public String note;
}
