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
        LoanHistory.Call.class, LoanHistory.JournalLine.class})
public record LoanHistory(List<ClassChange> classChanges, List<ContactMade> contacts, List<Call> calls,
                          List<JournalLine> journal) {

    public record ClassChange(LocalDate on, String from, String to, String reason) {
    }

    public record ContactMade(LocalDate businessDate, String kind, String status, long daysPastDue) {
    }

    public record Call(Instant at, boolean answered) {
    }

    public record JournalLine(String transactionId, String kind, Instant postedAt, String account, String debit,
                              String credit) {
    }
}
