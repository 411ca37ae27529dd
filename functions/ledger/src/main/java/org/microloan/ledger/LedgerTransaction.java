package org.microloan.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A money movement: its journal entries balance, debits equal to credits, to the fen. */
@Entity
@Table(name = "ledger_transaction",
        uniqueConstraints = @UniqueConstraint(name = "ledger_transaction_once", columnNames = "idempotency_key"))
public class LedgerTransaction {

    public enum Kind { DISBURSEMENT, REPAYMENT }

    @Id
    public String id;

    @Column(name = "loan_id", nullable = false)
    public String loanId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    /** What the transaction did, as JSON, so that replaying its idempotency key answers the same. */
    @Column(columnDefinition = "text")
    public String summary;

    @OneToMany(mappedBy = "transaction", cascade = CascadeType.ALL)
    public List<JournalEntry> entries = new ArrayList<>();
}
