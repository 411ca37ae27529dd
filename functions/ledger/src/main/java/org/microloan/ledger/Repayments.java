package org.microloan.ledger;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.money.Money;
import org.microloan.servicing.PaymentAllocation;
import org.microloan.servicing.RepaymentOutcome;
import org.microloan.servicing.ServicingTerms;

/**
 * Posts repayments to the books, in one transaction each: the loan row is locked (concurrent repayments
 * queue behind each other), a known idempotency key answers what it answered before, the money settles
 * what is due in the allocation order, anything beyond becomes a prepayment as the borrower chose, and
 * the journal balances. More than the pay-off amount is refused with the exact pay-off figure.
 */
@ApplicationScoped
public class Repayments {

    private final Mutiny.SessionFactory sessions;
    private final ObjectMapper json;
    private final Clock clock;
    private final ServicingTerms servicing = ServicingTerms.defaults();

    public Repayments(Mutiny.SessionFactory sessions, ObjectMapper json, Clock clock) {
        this.sessions = sessions;
        this.json = json;
        this.clock = clock;
    }

    public Uni<RepaymentPosted> post(Repayment r) {
        String key = "repay#" + r.loanId() + "#" + r.idempotencyKey();
        return sessions.withTransaction(session -> session.find(Loan.class, r.loanId(), LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new IllegalArgumentException("no loan " + r.loanId()))
                .call(loan -> Mutiny.fetch(loan.installments))
                .chain(loan -> session.createSelectionQuery("from LedgerTransaction where idempotencyKey = :key",
                                LedgerTransaction.class).setParameter("key", key).getSingleResultOrNull()
                        .chain(posted -> posted != null ? Uni.createFrom().item(read(posted.summary))
                                : apply(session, loan, r, key))));
    }

    private Uni<RepaymentPosted> apply(Mutiny.Session session, Loan loan, Repayment r, String key) {
        RepaymentOutcome outcome = loan.account().repay(r.amount(), r.on(), r.choice(), servicing);
        if (outcome instanceof RepaymentOutcome.Refused refused) {
            throw switch (refused.refusal()) {
                case LOAN_SETTLED -> new LoanSettledException(loan.id);
                case NOT_POSITIVE -> new IllegalArgumentException(refused.detail());
                case ABOVE_PAYOFF -> new PayoffExceededException(r.amount(), refused.payoff());
                case BELOW_ACCRUED_INTEREST -> new RepaymentRefusedException(refused.detail());
            };
        }
        RepaymentOutcome.Repaid repaid = (RepaymentOutcome.Repaid) outcome;
        List<ScheduledInstallment> removed = loan.record(repaid.account());
        LedgerTransaction t = journal(loan, key, r.amount(), repaid);
        RepaymentPosted posted = new RepaymentPosted(t.id, loan.id, r.amount().toString(), applied(repaid.allocation()),
                repaid.prepaid().toString(), repaid.accruedInterest().toString(), repaid.prepaymentPenalty().toString(),
                repaid.account().outstandingPrincipal().toString(), repaid.account().settled());
        t.summary = write(posted);
        Uni<Void> deletions = Uni.createFrom().voidItem();
        for (ScheduledInstallment gone : removed) {
            deletions = deletions.chain(() -> session.remove(gone));
        }
        return deletions.chain(session::flush).chain(() -> session.persist(t)).replaceWith(posted);
    }

    /** DR the rail's settlement (cash in); CR loans receivable, interest income, penalty interest income, fees. */
    private LedgerTransaction journal(Loan loan, String key, Money amount, RepaymentOutcome.Repaid repaid) {
        LedgerTransaction t = new LedgerTransaction();
        t.id = UUID.randomUUID().toString();
        t.loanId = loan.id;
        t.kind = LedgerTransaction.Kind.REPAYMENT;
        t.idempotencyKey = key;
        t.postedAt = clock.instant();
        Journal.entry(t, JournalEntry.Account.PAYMENT_RAIL_SETTLEMENT, amount, Money.ZERO);
        Journal.entry(t, JournalEntry.Account.LOANS_RECEIVABLE, Money.ZERO, repaid.principal());
        Journal.entry(t, JournalEntry.Account.INTEREST_INCOME, Money.ZERO, repaid.interest());
        Journal.entry(t, JournalEntry.Account.PENALTY_INTEREST_INCOME, Money.ZERO, repaid.penaltyInterest());
        Journal.entry(t, JournalEntry.Account.FEE_INCOME, Money.ZERO, repaid.prepaymentPenalty());
        Journal.requireBalanced(t);
        return t;
    }

    private static Map<String, String> applied(PaymentAllocation allocation) {
        Map<String, String> applied = new LinkedHashMap<>();
        allocation.applied().forEach((due, money) -> applied.put(due.name(), money.toString()));
        return applied;
    }

    private String write(RepaymentPosted posted) {
        try {
            return json.writeValueAsString(posted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RepaymentPosted read(String summary) {
        try {
            return json.readValue(summary, RepaymentPosted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
