package org.microloan.ledger;

import java.util.UUID;

import org.microloan.money.Money;

/** Journal entries: one side each, and a transaction whose sides do not balance is never written. */
final class Journal {

    private Journal() {
    }

    /** Adds an entry; a zero entry is left out. */
    static void entry(LedgerTransaction t, JournalEntry.Account account, Money debit, Money credit) {
        if (debit.isZero() && credit.isZero()) {
            return;
        }
        JournalEntry e = new JournalEntry();
        e.id = UUID.randomUUID().toString();
        e.transaction = t;
        e.account = account;
        e.debitFen = debit.fen();
        e.creditFen = credit.fen();
        t.entries.add(e);
    }

    static void requireBalanced(LedgerTransaction t) {
        long debits = t.entries.stream().mapToLong(e -> e.debitFen).sum();
        long credits = t.entries.stream().mapToLong(e -> e.creditFen).sum();
        if (debits != credits) {
            throw new IllegalStateException("transaction " + t.idempotencyKey + " does not balance: " + debits
                    + " fen debited, " + credits + " credited");
        }
    }
}
