package org.microloan.ledger;

import org.microloan.product.ProductCatalogue;
import org.microloan.product.Product;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.money.Money;
import org.microloan.servicing.PaymentAllocation;
import org.microloan.servicing.ReceivedMoney;
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
    private final ProductCatalogue products;

    public Repayments(Mutiny.SessionFactory sessions, ObjectMapper json, Clock clock, ProductCatalogue products) {
        this.sessions = sessions;
        this.json = json;
        this.clock = clock;
        this.products = products;
    }

    /** The rules of the loan's product while it is repaid. */
    private ServicingTerms servicing(Loan loan) {
        return ServicingTerms.defaults().withPartialRepayment(
                products.find(loan.productCode).map(Product::partialRepayment).orElse(true));
    }

    /**
     * Whether the loan would take this money today, before anyone asks the rail for it: a settled loan, more
     * than the pay-off, or too little to prepay with its interest is refused, saying what to send.
     */
    public Uni<Void> check(Repayment r) {
        return sessions.withSession(session -> session.find(Loan.class, r.loanId())
                .onItem().ifNull().failWith(() -> new IllegalArgumentException("no loan " + r.loanId()))
                .call(loan -> Mutiny.fetch(loan.installments))
                .invoke(loan -> {
                    if (loan.account().repay(r.amount(), r.on(), r.choice(), servicing(loan))
                            instanceof RepaymentOutcome.Refused refused) {
                        throw refusal(loan, r, refused);
                    }
                }).replaceWithVoid());
    }

    /**
     * Books money that has moved, in one transaction: the loan row is locked (concurrent postings queue), a
     * known idempotency key answers what it answered before, and the money is never refused: what the loan
     * cannot take is held for the borrower as an overpayment.
     */
    public Uni<RepaymentPosted> post(Repayment r) {
        if (!r.amount().isPositive()) {
            return Uni.createFrom().failure(new IllegalArgumentException("a repayment is above 0, not " + r.amount()));
        }
        String key = "repay#" + r.loanId() + "#" + r.idempotencyKey();
        return sessions.withTransaction(session -> session.find(Loan.class, r.loanId(), LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new IllegalArgumentException("no loan " + r.loanId()))
                .call(loan -> Mutiny.fetch(loan.installments))
                .chain(loan -> session.createSelectionQuery("from LedgerTransaction where idempotencyKey = :key",
                                LedgerTransaction.class).setParameter("key", key).getSingleResultOrNull()
                        .chain(posted -> posted != null ? Uni.createFrom().item(read(posted.summary))
                                : book(session, loan, r, key))));
    }

    /** What a posting did, as it answered then. */
    public Uni<RepaymentPosted> posted(String transactionId) {
        return sessions.withSession(session -> session.find(LedgerTransaction.class, transactionId))
                .map(t -> read(t.summary));
    }

    private static RuntimeException refusal(Loan loan, Repayment r, RepaymentOutcome.Refused refused) {
        return switch (refused.refusal()) {
            case LOAN_SETTLED -> new LoanSettledException(loan.id);
            case NOT_POSITIVE -> new IllegalArgumentException(refused.detail());
            case ABOVE_PAYOFF -> new PayoffExceededException(r.amount(), refused.payoff());
            case BELOW_ACCRUED_INTEREST, BELOW_AMOUNT_DUE -> new RepaymentRefusedException(refused.detail());
        };
    }

    private Uni<RepaymentPosted> book(Mutiny.Session session, Loan loan, Repayment r, String key) {
        ReceivedMoney received = loan.account().receive(r.amount(), r.on(), r.choice(), servicing(loan));
        List<ScheduledInstallment> removed = loan.record(received.account());
        LedgerTransaction t = journal(loan, key, r, received);
        Optional<RepaymentOutcome.Repaid> repaid = received.repaid();
        RepaymentPosted posted = new RepaymentPosted(t.id, loan.id, r.amount().toString(),
                repaid.map(p -> applied(p.allocation())).orElse(Map.of()),
                repaid.map(p -> p.prepaid().toString()).orElse("0.00"),
                repaid.map(p -> p.accruedInterest().toString()).orElse("0.00"),
                repaid.map(p -> p.prepaymentPenalty().toString()).orElse("0.00"),
                received.account().outstandingPrincipal().toString(), received.account().settled(),
                received.unapplied().toString());
        t.summary = write(posted);
        Uni<Void> deletions = Uni.createFrom().voidItem();
        for (ScheduledInstallment gone : removed) {
            deletions = deletions.chain(() -> session.remove(gone));
        }
        return deletions.chain(session::flush).chain(() -> session.persist(t)).replaceWith(posted);
    }

    /**
     * DR where the money came in (the rail's settlement, or the bank for money received another way); CR loans
     * receivable, interest income, penalty interest income, fees, and what no loan took to the borrower's
     * overpayments.
     */
    private LedgerTransaction journal(Loan loan, String key, Repayment r, ReceivedMoney received) {
        LedgerTransaction t = new LedgerTransaction();
        t.id = UUID.randomUUID().toString();
        t.loanId = loan.id;
        t.kind = LedgerTransaction.Kind.REPAYMENT;
        t.idempotencyKey = key;
        t.postedAt = clock.instant();
        Journal.entry(t, r.origin() == CollectionRecord.Origin.OFFLINE ? JournalEntry.Account.BANK_RECEIPTS
                : JournalEntry.Account.PAYMENT_RAIL_SETTLEMENT, r.amount(), Money.ZERO);
        received.repaid().ifPresent(repaid -> {
            Journal.entry(t, JournalEntry.Account.LOANS_RECEIVABLE, Money.ZERO, repaid.principal());
            Journal.entry(t, JournalEntry.Account.INTEREST_INCOME, Money.ZERO, repaid.interest());
            Journal.entry(t, JournalEntry.Account.PENALTY_INTEREST_INCOME, Money.ZERO, repaid.penaltyInterest());
            Journal.entry(t, JournalEntry.Account.FEE_INCOME, Money.ZERO, repaid.prepaymentPenalty());
        });
        Journal.entry(t, JournalEntry.Account.BORROWER_OVERPAYMENTS, Money.ZERO, received.unapplied());
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
