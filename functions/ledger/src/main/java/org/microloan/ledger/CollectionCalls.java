package org.microloan.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.money.Money;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.CallOutcome;
import org.microloan.servicing.CallParty;
import org.microloan.servicing.CollectionStatus;
import org.microloan.servicing.ConductRules;
import org.microloan.servicing.LoanStatus;
import org.microloan.servicing.PromiseToPay;

/**
 * Collectors' calls about loans, held to the conduct rules when they are logged (at the server's time, China
 * time): none in quiet hours, none about the debt to anyone but the borrower, and at most six unanswered a
 * day to one number, whichever loan they are about. A promise to pay is kept or broken by the money that
 * comes in for the loan.
 */
@ApplicationScoped
public class CollectionCalls {

    private final Mutiny.SessionFactory sessions;
    private final ConductRules conduct;
    private final Clock clock;

    public CollectionCalls(Mutiny.SessionFactory sessions, ProductCatalogue products, Clock clock) {
        this.sessions = sessions;
        this.conduct = products.conduct();
        this.clock = clock;
    }

    /** A call as the collector logs it; the number is its keyed hash and its masked form. */
    public record Call(String loanId, CallParty party, boolean aboutTheDebt, String numberKey, String numberMasked,
                       CallOutcome outcome, String note, Optional<PromiseToPay> promise, String calledBy) {
    }

    /** Logged, or refused by a rule of conduct (and not logged). */
    public sealed interface Logged {
        record Made(CallAttempt call) implements Logged {
        }

        record Refused(ConductRules.Breach breach, String why) implements Logged {
        }
    }

    public Uni<Logged> log(Call call) {
        Instant at = clock.instant();
        return sessions.withTransaction(session -> session.find(Loan.class, call.loanId(), LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new IllegalArgumentException("no loan " + call.loanId()))
                .invoke(loan -> {
                    if (loan.status != LoanStatus.ACTIVE) {
                        throw new LoanSettledException(loan.id);
                    }
                })
                // calls to one number are counted one at a time, whichever loan they are about
                .chain(loan -> session.createNativeQuery("select pg_advisory_xact_lock(hashtext(:number))")
                        .setParameter("number", call.numberKey()).getSingleResult())
                .chain(locked -> unansweredToday(session, List.of(call.numberKey()), at))
                .chain(unanswered -> {
                    Optional<ConductRules.Breach> breach = conduct.breachedBy(at, BusinessDate.CHINA, call.party(),
                            call.aboutTheDebt(), unanswered.getOrDefault(call.numberKey(), 0L).intValue());
                    if (breach.isPresent()) {
                        return Uni.createFrom().<Logged>item(new Logged.Refused(breach.get(), conduct.explain(breach.get())));
                    }
                    CallAttempt attempt = new CallAttempt();
                    attempt.id = UUID.randomUUID().toString();
                    attempt.loanId = call.loanId();
                    attempt.at = at;
                    attempt.answered = call.outcome().answered();
                    attempt.party = call.party();
                    attempt.aboutTheDebt = call.aboutTheDebt();
                    attempt.numberKey = call.numberKey();
                    attempt.numberMasked = call.numberMasked();
                    attempt.outcome = call.outcome();
                    attempt.note = call.note();
                    attempt.calledBy = call.calledBy();
                    call.promise().ifPresent(p -> {
                        attempt.promisedFen = p.amount().fen();
                        attempt.promisedBy = p.by();
                    });
                    return session.persist(attempt).replaceWith(new Logged.Made(attempt));
                }));
    }

    /** Unanswered calls on the China day of {@code at}, by number key. */
    public Uni<Map<String, Long>> unansweredToday(Collection<String> numberKeys, Instant at) {
        return numberKeys.isEmpty() ? Uni.createFrom().item(Map.of())
                : sessions.withSession(session -> unansweredToday(session, numberKeys, at));
    }

    private static Uni<Map<String, Long>> unansweredToday(Mutiny.Session session, Collection<String> numberKeys, Instant at) {
        Instant from = BusinessDate.of(at).atStartOfDay(BusinessDate.CHINA).toInstant();
        return session.createSelectionQuery("select c.numberKey, count(c) from CallAttempt c where c.numberKey in :numbers"
                        + " and c.answered = false and c.at >= :from and c.at < :to group by c.numberKey", Object[].class)
                .setParameter("numbers", List.copyOf(numberKeys)).setParameter("from", from)
                .setParameter("to", from.plusSeconds(86_400)).getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1])));
    }

    public Uni<List<CallAttempt>> ofLoan(String loanId) {
        return sessions.withSession(session -> session.createSelectionQuery(
                "from CallAttempt where loanId = :loan order by at, id", CallAttempt.class)
                .setParameter("loan", loanId).getResultList());
    }

    /** A call as staff read it, its promise's status as of {@code today}. */
    public static LoanHistory.Call view(CallAttempt c, List<CollectionRecord> collections, LocalDate today) {
        return new LoanHistory.Call(c.at, c.answered, c.party.name(), c.aboutTheDebt, c.numberMasked,
                c.outcome == null ? null : c.outcome.name(), c.note, c.calledBy,
                promiseOf(c).map(p -> new LoanHistory.Promise(p.amount().toString(), p.by(),
                        statusOf(p, collections, today).name())).orElse(null));
    }

    /** A call's promise, if it made one. */
    public static Optional<PromiseToPay> promiseOf(CallAttempt call) {
        return call.promisedFen == null ? Optional.empty()
                : Optional.of(new PromiseToPay(BusinessDate.of(call.at), call.promisedBy, Money.ofFen(call.promisedFen)));
    }

    /** Where a promise stands on {@code today}, by the money the loan's collections brought in its days. */
    public static PromiseToPay.Status statusOf(PromiseToPay promise, List<CollectionRecord> collections, LocalDate today) {
        Money paid = Money.total(collections.stream()
                .filter(c -> c.status == CollectionStatus.SUCCEEDED && c.valueDate != null && promise.covers(c.valueDate))
                .map(c -> Money.ofFen(c.amountFen - c.unappliedFen)));
        return promise.status(paid, today);
    }
}
