package org.microloan.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One side of a transaction: an account debited or credited, in fen. */
@Entity
@Table(name = "journal_entry")
public class JournalEntry {

    /** The chart of accounts the books use so far. */
    public enum Account {
        LOANS_RECEIVABLE, PAYMENT_RAIL_SETTLEMENT, BANK_RECEIPTS, FEE_INCOME, INTEREST_INCOME, PENALTY_INTEREST_INCOME,
        /** Money received that no loan could take, owed back to the borrower. */
        BORROWER_OVERPAYMENTS
    }

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "transaction_id")
    public LedgerTransaction transaction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Account account;

    @Column(name = "debit_fen", nullable = false)
    public long debitFen;

    @Column(name = "credit_fen", nullable = false)
    public long creditFen;
}
