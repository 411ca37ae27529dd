package org.microloan.support.books;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.money.Money;
import org.microloan.schedule.Installment;

/**
 * The books in PostgreSQL. A disbursement is booked in one transaction (the loan, its installments, and
 * a balanced journal) and only once per application: booking it again returns the loan already booked.
 */
@ApplicationScoped
public class Books {

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Clock clock;

    public Uni<Loan> bookDisbursement(Disbursement d) {
        return sessions.withTransaction(session -> loanOf(session, d.applicationId())
                        .chain(existing -> existing != null ? Uni.createFrom().item(existing) : book(session, d)))
                // a concurrent booking of the same application lost to the unique constraint: read the winner
                .onFailure(e -> isUniqueViolation(e))
                .recoverWithUni(() -> sessions.withSession(session -> loanOf(session, d.applicationId())));
    }

    public Uni<Loan> loanOfApplication(String applicationId) {
        return sessions.withSession(session -> loanOf(session, applicationId)
                .call(loan -> loan == null ? Uni.createFrom().nullItem() : Mutiny.fetch(loan.installments)));
    }

    public Uni<Loan> loan(String loanId) {
        return sessions.withSession(session -> session.find(Loan.class, loanId)
                .call(loan -> loan == null ? Uni.createFrom().nullItem() : Mutiny.fetch(loan.installments)));
    }

    public Uni<Long> loanCount(String applicationId) {
        return sessions.withSession(session -> session.createSelectionQuery(
                "select count(*) from Loan where applicationId = :id", Long.class).setParameter("id", applicationId).getSingleResult());
    }

    /** Transactions whose debits and credits differ: always empty. */
    public Uni<List<String>> unbalancedTransactions() {
        return sessions.withSession(session -> session.createSelectionQuery(
                "select e.transaction.id from JournalEntry e group by e.transaction.id"
                        + " having sum(e.debitFen) <> sum(e.creditFen)", String.class).getResultList());
    }

    private static Uni<Loan> loanOf(Mutiny.Session session, String applicationId) {
        return session.createSelectionQuery("from Loan where applicationId = :id", Loan.class)
                .setParameter("id", applicationId).getSingleResultOrNull();
    }

    private Uni<Loan> book(Mutiny.Session session, Disbursement d) {
        Loan loan = new Loan();
        loan.id = UUID.randomUUID().toString();
        loan.applicationId = d.applicationId();
        loan.borrowerId = d.borrowerId();
        loan.productCode = d.productCode();
        loan.principalFen = d.principal().fen();
        loan.annualRate = d.schedule().terms().annualRate();
        loan.method = d.schedule().terms().method().name();
        loan.dayCount = d.schedule().terms().dayCount().label();
        loan.startDate = d.schedule().terms().start();
        loan.payoutReference = d.payoutReference();
        loan.bookedAt = clock.instant();
        loan.frequency = d.schedule().terms().frequency().name();
        loan.rounding = d.schedule().terms().rounding().name();
        loan.status = "ACTIVE";
        loan.fiveTierClass = "NORMAL";
        loan.emiFen = d.schedule().emi().map(Money::fen).orElse(null);
        for (Installment i : d.schedule().installments()) {
            ScheduledInstallment row = new ScheduledInstallment();
            row.id = UUID.randomUUID().toString();
            row.loan = loan;
            row.number = i.number();
            row.dueDate = i.dueDate();
            row.principalFen = i.principal().fen();
            row.interestFen = i.interest().fen();
            row.balanceFen = i.balance().fen();
            row.periodStart = i.period().start();
            row.periodMonths = i.period().months();
            row.periodRate = i.periodRate();
            loan.installments.add(row);
        }
        LedgerTransaction payout = disbursementJournal(loan, d);
        return session.persist(loan).chain(() -> session.persist(payout)).replaceWith(loan);
    }

    /** DR loans receivable (principal); CR the rail's settlement (what the borrower receives) and fee income (the fee). */
    private LedgerTransaction disbursementJournal(Loan loan, Disbursement d) {
        LedgerTransaction t = new LedgerTransaction();
        t.id = UUID.randomUUID().toString();
        t.loanId = loan.id;
        t.kind = LedgerTransaction.Kind.DISBURSEMENT.name();
        t.idempotencyKey = "disburse#" + d.applicationId();
        t.postedAt = clock.instant();
        Journal.entry(t, JournalEntry.Account.LOANS_RECEIVABLE, d.principal(), Money.ZERO);
        Journal.entry(t, JournalEntry.Account.PAYMENT_RAIL_SETTLEMENT, Money.ZERO, d.principal().minus(d.fee()));
        Journal.entry(t, JournalEntry.Account.FEE_INCOME, Money.ZERO, d.fee());
        Journal.requireBalanced(t);
        return t;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("loan_once_per_application")
                    || String.valueOf(t.getMessage()).contains("23505")) {
                return true;
            }
        }
        return false;
    }
}
