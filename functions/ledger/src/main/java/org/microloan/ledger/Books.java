package org.microloan.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.money.Money;
import org.microloan.product.Product;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.BookedInstallment;
import org.microloan.servicing.Due;
import org.microloan.servicing.FiveTierClass;
import org.microloan.servicing.LoanAccount;
import org.microloan.servicing.ServicingTerms;

/**
 * The books in PostgreSQL. A disbursement is booked in one transaction (the loan, its installments, and
 * a balanced journal) and only once per application: booking it again returns the loan already booked.
 */
@ApplicationScoped
public class Books {

    /**
     * The books are reactive: from blocking code (a Lambda handler, a blocking endpoint) their work runs on a
     * fresh Vert.x context, as Hibernate Reactive needs, and the caller waits for it.
     */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Clock clock;

    public Uni<Loan> bookDisbursement(Disbursement d) {
        return sessions.withTransaction(session -> loanOf(session, d.applicationId())
                        .chain(existing -> existing != null ? Uni.createFrom().item(existing) : book(session, d)))
                // a concurrent booking of the same application lost to the unique constraint: read the winner
                .onFailure(e -> Failures.causedBy(e, "loan_once_per_application", "23505"))
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

    /** The loan's state on {@code on}, from the books. */
    public Uni<LoanState> state(String loanId, LocalDate on) {
        return loan(loanId).map(loan -> {
            if (loan == null) {
                throw new IllegalArgumentException("no loan " + loanId);
            }
            LoanAccount account = loan.account();
            Map<Due, Money> owed = account.owed(on);
            Optional<BookedInstallment> next = account.nextDue(on);
            return new LoanState(loan.id, loan.status.name(), on, account.outstandingPrincipal().toString(),
                    owed.get(Due.OVERDUE_PRINCIPAL).toString(), owed.get(Due.OVERDUE_INTEREST).toString(),
                    owed.get(Due.PENALTY_INTEREST).toString(), account.accruedInterest(on).toString(),
                    next.map(BookedInstallment::dueDate).orElse(null),
                    next.map(i -> i.amountDue().toString()).orElse(null), account.daysPastDue(on),
                    loan.fiveTierClass.name(), account.payoff(on, ServicingTerms.defaults()).toString(),
                    new LoanState.PaidTo(loan.paidTo.name(), loan.payeeName, loan.payeeCreditCode, loan.payeeAccountMasked));
        });
    }

    /** The loan's class changes, contacts, calls and journal, each oldest first. */
    public Uni<LoanHistory> history(String loanId) {
        return sessions.withSession(session -> session.createSelectionQuery(
                        "from ClassificationChange where loanId = :loan order by changedOn, id", ClassificationChange.class)
                .setParameter("loan", loanId).getResultList()
                .chain(changes -> session.createSelectionQuery(
                                "from ContactRecord where loanId = :loan order by businessDate, id", ContactRecord.class)
                        .setParameter("loan", loanId).getResultList()
                        .chain(contacts -> session.createSelectionQuery(
                                        "from CallAttempt where loanId = :loan order by at", CallAttempt.class)
                                .setParameter("loan", loanId).getResultList()
                                .chain(calls -> session.createSelectionQuery(
                                        "from CollectionRecord where loanId = :loan", CollectionRecord.class)
                                        .setParameter("loan", loanId).getResultList().map(collections -> {
                                            LocalDate today = BusinessDate.today(clock);
                                            return calls.stream().map(c -> CollectionCalls.view(c, collections, today)).toList();
                                        }))
                                .chain(calls -> session.createSelectionQuery("select e from JournalEntry e join fetch"
                                                + " e.transaction t where t.loanId = :loan order by t.postedAt, t.id, e.id",
                                                JournalEntry.class)
                                        .setParameter("loan", loanId).getResultList()
                                        .map(journal -> new LoanHistory(
                                                changes.stream().map(c -> new LoanHistory.ClassChange(c.changedOn,
                                                        c.fromClass.name(), c.toClass.name(), c.reason)).toList(),
                                                contacts.stream().map(c -> new LoanHistory.ContactMade(c.businessDate,
                                                        c.kind.name(), c.status.name(), c.daysPastDue)).toList(),
                                                calls,
                                                journal.stream().map(e -> new LoanHistory.JournalLine(e.transaction.id,
                                                        e.transaction.kind.name(), e.transaction.postedAt, e.account.name(),
                                                        Money.ofFen(e.debitFen).toString(), Money.ofFen(e.creditFen).toString()))
                                                        .toList()))))));
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
        loan.paidTo = d.payee().map(Disbursement.Payee::paidTo).orElse(Product.PaidTo.BORROWER);
        d.payee().ifPresent(payee -> {
            loan.payeeName = payee.name();
            loan.payeeCreditCode = payee.creditCode();
            loan.payeeAccountMasked = payee.maskedAccount();
        });
        loan.bookedAt = clock.instant();
        loan.frequency = d.schedule().terms().frequency().name();
        loan.rounding = d.schedule().terms().rounding().name();
        loan.fiveTierClass = FiveTierClass.NORMAL;
        loan.record(LoanAccount.opened(d.schedule()));
        LedgerTransaction payout = disbursementJournal(loan, d);
        return session.persist(loan).chain(() -> session.persist(payout)).replaceWith(loan);
    }

    /** DR loans receivable (principal); CR the rail's settlement (what the borrower receives) and fee income (the fee). */
    private LedgerTransaction disbursementJournal(Loan loan, Disbursement d) {
        LedgerTransaction t = new LedgerTransaction();
        t.id = UUID.randomUUID().toString();
        t.loanId = loan.id;
        t.kind = LedgerTransaction.Kind.DISBURSEMENT;
        t.idempotencyKey = "disburse#" + d.applicationId();
        t.postedAt = clock.instant();
        Journal.entry(t, JournalEntry.Account.LOANS_RECEIVABLE, d.principal(), Money.ZERO);
        Journal.entry(t, JournalEntry.Account.PAYMENT_RAIL_SETTLEMENT, Money.ZERO, d.principal().minus(d.fee()));
        Journal.entry(t, JournalEntry.Account.FEE_INCOME, Money.ZERO, d.fee());
        Journal.requireBalanced(t);
        return t;
    }
}
