package org.microloan.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What happened to a loan besides its schedule, as staff read it: its class changes, the contacts the daily
 * run made or deferred, the collectors' calls, and its journal (every line of every transaction, to the fen).
 */
@RegisterForReflection(targets = {LoanHistory.class, LoanHistory.ClassChange.class, LoanHistory.ContactMade.class,
        LoanHistory.Call.class, LoanHistory.Promise.class, LoanHistory.JournalLine.class})
public record LoanHistory(List<ClassChange> classChanges, List<ContactMade> contacts, List<Call> calls,
                          List<JournalLine> journal) {

    public record ClassChange(LocalDate on, String from, String to, String reason) {
    }

    public record ContactMade(LocalDate businessDate, String kind, String status, long daysPastDue) {
    }

    /**
     * A collector's call: to whom and which number (masked), how it ended, by whom, and any promise to pay with
     * where it stands. Calls logged before the workbench have no number, outcome or collector.
     */
    public record Call(Instant at, boolean answered, String party, boolean aboutTheDebt, String number, String outcome,
                       String note, String by, Promise promise) {
    }

    /** @param status PENDING, KEPT or BROKEN */
    public record Promise(String amount, LocalDate by, String status) {
    }

    public record JournalLine(String transactionId, String kind, Instant postedAt, String account, String debit,
                              String credit) {
    }
}
