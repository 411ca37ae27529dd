package org.microloan.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.configuration.Settings;
import org.microloan.money.Money;
import org.microloan.pricing.RateCap;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.Classification;
import org.microloan.servicing.CollectionsPlan;
import org.microloan.servicing.ConductRules;
import org.microloan.servicing.Contact;
import org.microloan.servicing.LoanAccount;
import org.microloan.servicing.ServicingTerms;

/**
 * The daily servicing run over the books, a page of loans at a time (so 100,000 loans need a few hundred
 * calls, not 100,000): penalty interest accrued day by day through the business date, days past due and
 * the five-tier class (each change recorded with its reason), and the day's contact by tier, recorded
 * once per loan, date and kind and deferred past the borrower's quiet hours. Running a date twice
 * changes nothing the second time.
 */
@ApplicationScoped
public class ServicingRun {

    private final Mutiny.SessionFactory sessions;
    private final RateCap cap;
    private final CollectionsPlan plan;
    private final ConductRules conduct;
    private final Classification classification;
    private final Set<Integer> autoDebitRetryDays;

    public ServicingRun(Mutiny.SessionFactory sessions, RateCap cap, ProductCatalogue products, Settings settings) {
        this.sessions = sessions;
        this.plan = products.collections();
        this.conduct = products.conduct();
        this.cap = cap;
        this.classification = new Classification(settings.servicing().observationDays());
        this.autoDebitRetryDays = Set.copyOf(settings.servicing().autoDebitRetryDays());
    }

    /**
     * @param toSend    contacts due to go out now
     * @param toCollect the day's auto-debits: what each loan owes on its due date or a retry day past due
     * @param lastLoanId where the next page starts
     */
    public record Page(int loans, List<ContactRecord> recorded, List<ContactRecord> toSend, List<AutoDebit> toCollect,
                       String lastLoanId, boolean more) {
    }

    /** What to ask of a loan's bound account today (代扣). */
    public record AutoDebit(String loanId, Money amount) {
    }

    public Uni<Page> runPage(LocalDate businessDate, Instant now, String afterLoanId, int pageSize) {
        String after = afterLoanId == null ? "" : afterLoanId;
        return sessions.withTransaction(session -> session.createSelectionQuery(
                        "from Loan where status = ACTIVE and id > :after order by id", Loan.class)
                .setParameter("after", after)
                .setMaxResults(pageSize + 1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .chain(found -> {
                    List<Loan> loans = found.subList(0, Math.min(found.size(), pageSize));
                    boolean more = found.size() > pageSize;
                    String last = loans.isEmpty() ? after : loans.get(loans.size() - 1).id;
                    if (loans.isEmpty()) {
                        return Uni.createFrom().item(new Page(0, List.of(), List.of(), List.of(), last, false));
                    }
                    // one query brings the whole page's installments (a reactive session runs one query at a time)
                    return session.createSelectionQuery("select distinct l from Loan l left join fetch l.installments"
                                    + " where l.id in :ids", Loan.class)
                            .setParameter("ids", loans.stream().map(l -> l.id).toList()).getResultList()
                            .chain(fetched -> alreadyContacted(session, loans, businessDate))
                            .chain(done -> {
                                Written written = serviceAll(loans, businessDate, now, done);
                                return session.persistAll(written.rows().toArray())
                                        .replaceWith(new Page(loans.size(), written.contacts(), written.contacts().stream()
                                                .filter(c -> c.status == ContactRecord.Status.DUE).toList(),
                                                written.debits(), last, more));
                            });
                }));
    }

    /**
     * Messages whose time has come and that have not gone: deferred past quiet hours, or due and not sent
     * when a call before failed midway; oldest first.
     */
    public Uni<List<ContactRecord>> unsent(Instant now, int limit) {
        return sessions.withSession(session -> session.createSelectionQuery(
                        "from ContactRecord where status in (DUE, DEFERRED) and sendAt <= :now order by sendAt",
                        ContactRecord.class)
                .setParameter("now", now).setMaxResults(limit).getResultList());
    }

    /** The application each of these loans was paid out for, by loan id. */
    public Uni<Map<String, String>> applicationsOf(Collection<String> loanIds) {
        return sessions.withSession(session -> session.createSelectionQuery(
                        "select id, applicationId from Loan where id in :ids", Object[].class)
                .setParameter("ids", List.copyOf(loanIds)).getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]))));
    }

    /** @param providerMessageIds the provider's message id of each contact sent, by contact id */
    public Uni<Void> markSent(Map<String, String> providerMessageIds) {
        if (providerMessageIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sessions.withTransaction(session -> session.createSelectionQuery(
                        "from ContactRecord where id in :ids", ContactRecord.class)
                .setParameter("ids", List.copyOf(providerMessageIds.keySet())).getResultList()
                .invoke(contacts -> contacts.forEach(c -> {
                    c.status = ContactRecord.Status.SENT;
                    c.providerMessageId = providerMessageIds.get(c.id);
                })).replaceWithVoid());
    }

    public Uni<List<ContactRecord>> contactsOf(String loanId) {
        return sessions.withSession(session -> session.createSelectionQuery(
                "from ContactRecord where loanId = :loan order by businessDate, kind", ContactRecord.class)
                .setParameter("loan", loanId).getResultList());
    }

    public Uni<List<ClassificationChange>> classificationsOf(String loanId) {
        return sessions.withSession(session -> session.createSelectionQuery(
                "from ClassificationChange where loanId = :loan order by changedOn", ClassificationChange.class)
                .setParameter("loan", loanId).getResultList());
    }

    private static Uni<Set<String>> alreadyContacted(Mutiny.Session session, List<Loan> loans, LocalDate date) {
        // a hand-over is asked for once: the task stays open until a collector hands the loan over
        return session.createSelectionQuery("select loanId, kind from ContactRecord"
                        + " where (businessDate = :date or kind = AGENCY_HANDOVER) and loanId in :loans", Object[].class)
                .setParameter("date", date).setParameter("loans", loans.stream().map(l -> l.id).toList())
                .getResultList().map(rows -> rows.stream().map(row -> row[0] + "#" + row[1]).collect(Collectors.toSet()));
    }

    /** What a page adds to the books (contacts and classification changes), and the auto-debits it asks for. */
    private record Written(List<ContactRecord> contacts, List<Object> rows, List<AutoDebit> debits) {
    }

    private Written serviceAll(List<Loan> loans, LocalDate date, Instant now, Set<String> alreadyContacted) {
        List<ContactRecord> contacts = new ArrayList<>();
        List<Object> rows = new ArrayList<>();
        List<AutoDebit> debits = new ArrayList<>();
        for (Loan loan : loans) {
            LoanAccount account = loan.account();
            LoanAccount accrued = account.accruePenalty(date, termsOf(loan));
            if (accrued != account) {
                loan.record(accrued);
            }
            long daysPastDue = accrued.daysPastDue(date);
            accrued.autoDebit(date, autoDebitRetryDays).ifPresent(amount -> debits.add(new AutoDebit(loan.id, amount)));
            reclassify(loan, date, daysPastDue).ifPresent(rows::add);
            Optional<Long> toNextDue = accrued.nextDue(date).map(i -> ChronoUnit.DAYS.between(date, i.dueDate()));
            plan.contactFor(daysPastDue, toNextDue, loan.withAgency)
                    .filter(kind -> !alreadyContacted.contains(loan.id + "#" + kind.name()))
                    .map(kind -> contact(loan, kind, date, now, daysPastDue))
                    .ifPresent(c -> {
                        contacts.add(c);
                        rows.add(c);
                    });
        }
        return new Written(contacts, rows, debits);
    }

    /** The servicing terms of the loan's contract date: the penalty multiple under the cap of that day. */
    private ServicingTerms termsOf(Loan loan) {
        try {
            return ServicingTerms.defaults().withCap(cap.on(loan.startDate).rate());
        } catch (IllegalArgumentException noLprThen) {
            // a contract from before the LPR table: the penalty multiple alone applies
            return ServicingTerms.defaults();
        }
    }

    private Optional<ClassificationChange> reclassify(Loan loan, LocalDate date, long daysPastDue) {
        return classification.on(date, loan.fiveTierClass, daysPastDue,
                Optional.ofNullable(loan.arrearsClearedOn)).map(change -> {
            ClassificationChange row = new ClassificationChange();
            row.id = UUID.randomUUID().toString();
            row.loanId = loan.id;
            row.fromClass = change.from();
            row.toClass = change.to();
            row.changedOn = date;
            row.reason = change.reason();
            loan.fiveTierClass = change.to();
            loan.classifiedOn = date;
            return row;
        });
    }

    private ContactRecord contact(Loan loan, Contact kind, LocalDate date, Instant now, long daysPastDue) {
        ContactRecord c = new ContactRecord();
        c.id = UUID.randomUUID().toString();
        c.loanId = loan.id;
        c.businessDate = date;
        c.kind = kind;
        c.daysPastDue = daysPastDue;
        c.sendAt = conduct.sendAt(now, BusinessDate.CHINA);
        c.status = switch (kind) {
            case DUE_REMINDER, OVERDUE_SMS -> c.sendAt.isAfter(now) ? ContactRecord.Status.DEFERRED : ContactRecord.Status.DUE;
            case NEGOTIATION_TASK, AGENCY_HANDOVER -> ContactRecord.Status.OPEN;
        };
        return c;
    }
}
