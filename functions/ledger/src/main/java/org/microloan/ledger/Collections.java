package org.microloan.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.money.Money;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.CollectionStatus;
import org.microloan.servicing.PrepaymentChoice;
import org.microloan.workflow.KeyReusedException;

/**
 * Money asked of the rail, or received another way, and its outcome. A collection is opened PENDING once
 * per idempotency key; the rail's answer (at once, or later by its callback) settles it: SUCCEEDED books
 * the money through {@link Repayments} on the server's business date, FAILED changes nothing in the books.
 * Redelivered outcomes change nothing; one that contradicts a final outcome is refused.
 */
@ApplicationScoped
public class Collections {

    private final Mutiny.SessionFactory sessions;
    private final Repayments repayments;
    private final Clock clock;

    public Collections(Mutiny.SessionFactory sessions, Repayments repayments, Clock clock) {
        this.sessions = sessions;
        this.repayments = repayments;
        this.clock = clock;
    }

    /** What is asked: the loan, who asks and how, the amount and what to do with anything beyond what is due. */
    public record Ask(String loanId, CollectionRecord.Origin origin, String idempotencyKey, Money amount,
                      PrepaymentChoice choice, String requestedBy) {
    }

    /** A final outcome the rail contradicts (FAILED after SUCCEEDED, or the reverse): nothing changes. */
    public static class ContradictedException extends RuntimeException {
        public ContradictedException(CollectionRecord c, CollectionStatus reported) {
            super("collection " + c.id + " already " + c.status + ", reported " + reported + ": nothing changed");
        }
    }

    /** Opens a PENDING collection, or finds the one this key opened (the same ask, or {@link KeyReusedException}). */
    public Uni<CollectionRecord> open(Ask ask) {
        return sessions.withTransaction(session -> byKey(session, ask.idempotencyKey()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(same(existing, ask));
            }
            CollectionRecord c = new CollectionRecord();
            c.id = UUID.randomUUID().toString();
            c.loanId = ask.loanId();
            c.origin = ask.origin();
            c.idempotencyKey = ask.idempotencyKey();
            c.amountFen = ask.amount().fen();
            c.choice = ask.choice();
            c.status = CollectionStatus.PENDING;
            c.requestedAt = clock.instant();
            c.requestedBy = ask.requestedBy();
            return session.persist(c).replaceWith(c);
        })).onFailure(e -> Failures.causedBy(e, "collection_once_per_key"))
                // a concurrent open of the same key won: answer what it opened
                .recoverWithUni(() -> sessions.withSession(session -> byKey(session, ask.idempotencyKey()))
                        .map(c -> same(c, ask)));
    }

    /** The rail knows the collection by its own id, and has not finished it. */
    public Uni<CollectionRecord> pending(String collectionId, String railReference) {
        return sessions.withTransaction(session -> locked(session, collectionId).invoke(c -> {
            if (c.railReference == null) {
                c.railReference = railReference;
            }
        }));
    }

    /**
     * The rail's outcome, heard at {@code now} by the server's clock. SUCCEEDED books the money, valued on the
     * business date of that moment (China time); booking and marking are each idempotent, so an outcome
     * delivered again (or after a crash between them) books once.
     */
    public Uni<CollectionRecord> settle(String collectionId, CollectionStatus reported, String reason,
                                        String railReference, Instant now) {
        return find(collectionId).map(c -> c.orElseThrow(() -> new IllegalArgumentException("no collection " + collectionId)))
                .chain(c -> switch (c.status.on(reported)) {
            case UNCHANGED -> Uni.createFrom().item(c);
            case CONTRADICTS -> Uni.createFrom().failure(new ContradictedException(c, reported));
            case MOVES -> reported == CollectionStatus.SUCCEEDED
                    ? book(c, BusinessDate.of(now)).chain(posted -> mark(collectionId, reported, null, railReference, now,
                    BusinessDate.of(now), posted))
                    : mark(collectionId, reported, reason, railReference, now, null, null);
        });
    }

    /**
     * Money ops received another way (a bank transfer to the lender): booked at once on its value date,
     * once per bank reference of the loan.
     */
    public Uni<CollectionRecord> receivedOffline(String loanId, Money amount, LocalDate valueDate, String bankReference,
                                                 String note, String by) {
        Ask ask = new Ask(loanId, CollectionRecord.Origin.OFFLINE, "offline#" + loanId + "#" + bankReference, amount,
                PrepaymentChoice.SHORTEN_TERM, by);
        return open(ask).chain(c -> c.status == CollectionStatus.SUCCEEDED ? Uni.createFrom().item(c)
                : sessions.withTransaction(session -> locked(session, c.id).invoke(row -> {
                    row.bankReference = bankReference;
                    row.note = note;
                })).chain(row -> book(row, valueDate)).chain(posted -> mark(c.id, CollectionStatus.SUCCEEDED, null,
                        null, clock.instant(), valueDate, posted)));
    }

    /** The collection, if it is this loan's. */
    public Uni<Optional<CollectionRecord>> find(String loanId, String collectionId) {
        return find(collectionId).map(c -> c.filter(found -> found.loanId.equals(loanId)));
    }

    public Uni<Optional<CollectionRecord>> find(String collectionId) {
        return sessions.withSession(session -> session.find(CollectionRecord.class, collectionId)).map(Optional::ofNullable);
    }

    /** The collection an idempotency key opened, if any. */
    public Uni<Optional<CollectionRecord>> byKey(String idempotencyKey) {
        return sessions.withSession(session -> byKey(session, idempotencyKey)).map(Optional::ofNullable);
    }

    public Uni<List<CollectionRecord>> ofLoan(String loanId) {
        return sessions.withSession(session -> session.createSelectionQuery(
                "from CollectionRecord where loanId = :loan order by requestedAt", CollectionRecord.class)
                .setParameter("loan", loanId).getResultList());
    }

    private Uni<RepaymentPosted> book(CollectionRecord c, LocalDate valueDate) {
        return repayments.post(new Repayment(c.loanId, Money.ofFen(c.amountFen), valueDate, "collect#" + c.id, c.choice,
                c.origin));
    }

    private Uni<CollectionRecord> mark(String collectionId, CollectionStatus reported, String reason, String railReference,
                                       Instant at, LocalDate valueDate, RepaymentPosted posted) {
        return sessions.withTransaction(session -> locked(session, collectionId).invoke(c -> {
            if (c.status.on(reported) != CollectionStatus.Transition.MOVES) {
                return;
            }
            c.status = reported;
            c.reason = reason;
            c.settledAt = at;
            c.valueDate = valueDate;
            if (railReference != null) {
                c.railReference = railReference;
            }
            if (posted != null) {
                c.transactionId = posted.transactionId();
                c.unappliedFen = Money.of(posted.unapplied()).fen();
            }
        }));
    }

    private static Uni<CollectionRecord> locked(Mutiny.Session session, String collectionId) {
        return session.find(CollectionRecord.class, collectionId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new IllegalArgumentException("no collection " + collectionId));
    }

    private static Uni<CollectionRecord> byKey(Mutiny.Session session, String key) {
        return session.createSelectionQuery("from CollectionRecord where idempotencyKey = :key", CollectionRecord.class)
                .setParameter("key", key).getSingleResultOrNull();
    }

    private static CollectionRecord same(CollectionRecord existing, Ask ask) {
        if (!existing.loanId.equals(ask.loanId()) || existing.amountFen != ask.amount().fen()) {
            throw new KeyReusedException(ask.idempotencyKey());
        }
        return existing;
    }
}
