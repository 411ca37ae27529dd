package org.microloan.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
import org.microloan.schedule.Installment;
import org.microloan.servicing.Due;
import org.microloan.servicing.LoanPosition;
import org.microloan.servicing.PaymentAllocation;
import org.microloan.servicing.Payoff;
import org.microloan.servicing.PayoffQuote;
import org.microloan.servicing.Prepayment;
import org.microloan.servicing.PrepaymentResult;
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
                                : apply(session, loan, r, key))));
    }

    private Uni<RepaymentPosted> apply(Mutiny.Session session, Loan loan, Repayment r, String key) {
        if ("SETTLED".equals(loan.status)) {
            throw new LoanSettledException(loan.id);
        }
        LocalDate on = r.on();
        List<ScheduledInstallment> rows = new ArrayList<>(loan.installments);
        rows.sort(Comparator.comparingInt(i -> i.number));
        boolean hadArrears = LoanSchedules.daysPastDue(rows, on) > 0;
        List<ScheduledInstallment> before = rows.stream().map(Repayments::copy).toList();
        Map<Due, Money> owed = owed(rows, on);
        Money totalDue = Money.total(owed.values().stream());
        PaymentAllocation allocation = PaymentAllocation.allocate(r.amount(), owed, servicing.allocationOrder());
        settle(rows, allocation, on);

        Money remainder = allocation.unapplied();
        Money prepaid = Money.ZERO;
        Money accrued = Money.ZERO;
        Money penalty = Money.ZERO;
        List<ScheduledInstallment> removed = new ArrayList<>();
        if (remainder.isPositive()) {
            LoanPosition position = LoanSchedules.position(loan, rows);
            PayoffQuote payoff = Payoff.quote(position, on, servicing);
            if (remainder.isGreaterThan(payoff.total())) {
                throw new PayoffExceededException(r.amount(), LoanSchedules.payoff(loan, before, on, servicing));
            }
            Installment running = position.runningOn(on).orElseThrow();
            accrued = payoff.accruedInterest();
            if (remainder.equals(payoff.total())) {
                prepaid = payoff.principalNotDue();
                penalty = payoff.prepaymentPenalty();
                removed.addAll(payOff(loan, rows, running, prepaid, accrued, on));
            } else {
                Money principal = remainder.minus(accrued);
                if (!principal.isPositive()) {
                    throw new RepaymentRefusedException(remainder + " beyond what is due does not cover the interest of "
                            + accrued + " accrued to " + on + ": send more than " + totalDue.plus(accrued)
                            + ", or exactly " + totalDue);
                }
                PrepaymentResult result = Prepayment.apply(position, on, principal, r.choice(), servicing);
                prepaid = principal;
                penalty = result.penalty();
                removed.addAll(reschedule(loan, rows, running, result));
            }
        }
        if (hadArrears && LoanSchedules.daysPastDue(rows, on) == 0) {
            loan.arrearsClearedOn = on;
        }
        if (rows.stream().allMatch(ScheduledInstallment::settled)) {
            loan.status = "SETTLED";
        }
        LedgerTransaction t = journal(loan, key, r.amount(), allocation, prepaid, accrued, penalty);
        Money outstanding = Money.ofFen(rows.stream().mapToLong(ScheduledInstallment::principalDueFen).sum());
        RepaymentPosted posted = new RepaymentPosted(t.id, loan.id, r.amount().toString(), applied(allocation),
                prepaid.toString(), accrued.toString(), penalty.toString(), outstanding.toString(), "SETTLED".equals(loan.status));
        t.summary = write(posted);
        Uni<Void> deletions = Uni.createFrom().voidItem();
        for (ScheduledInstallment gone : removed) {
            deletions = deletions.chain(() -> session.remove(gone));
        }
        return deletions.chain(session::flush).chain(() -> session.persist(t)).replaceWith(posted);
    }

    /** What is due on the day, by kind: penalty and arrears before the day, the installment of the day. */
    static Map<Due, Money> owed(List<ScheduledInstallment> rows, LocalDate on) {
        Map<Due, Money> owed = new EnumMap<>(Due.class);
        for (Due due : Due.values()) {
            owed.put(due, Money.ZERO);
        }
        for (ScheduledInstallment row : rows) {
            if (row.settled() || row.dueDate.isAfter(on)) {
                continue;
            }
            boolean overdue = row.dueDate.isBefore(on);
            owed.merge(Due.PENALTY_INTEREST, Money.ofFen(row.penaltyDueFen()), Money::plus);
            owed.merge(overdue ? Due.OVERDUE_INTEREST : Due.CURRENT_INTEREST, Money.ofFen(row.interestDueFen()), Money::plus);
            owed.merge(overdue ? Due.OVERDUE_PRINCIPAL : Due.CURRENT_PRINCIPAL, Money.ofFen(row.principalDueFen()), Money::plus);
        }
        return owed;
    }

    /** Spreads what each kind of due received over the installments, oldest first, and settles the paid ones. */
    private static void settle(List<ScheduledInstallment> rows, PaymentAllocation allocation, LocalDate on) {
        for (Due due : Due.values()) {
            long left = allocation.appliedTo(due).fen();
            for (ScheduledInstallment row : rows) {
                if (left == 0) {
                    break;
                }
                if (row.settled() || !belongs(due, row, on)) {
                    continue;
                }
                long part = switch (due) {
                    case PENALTY_INTEREST -> Math.min(left, row.penaltyDueFen());
                    case OVERDUE_INTEREST, CURRENT_INTEREST -> Math.min(left, row.interestDueFen());
                    case OVERDUE_PRINCIPAL, CURRENT_PRINCIPAL -> Math.min(left, row.principalDueFen());
                };
                switch (due) {
                    case PENALTY_INTEREST -> row.paidPenaltyFen += part;
                    case OVERDUE_INTEREST, CURRENT_INTEREST -> row.paidInterestFen += part;
                    case OVERDUE_PRINCIPAL, CURRENT_PRINCIPAL -> row.paidPrincipalFen += part;
                }
                left -= part;
            }
        }
        rows.stream().filter(r -> !r.settled() && !r.dueDate.isAfter(on) && r.principalDueFen() == 0
                && r.interestDueFen() == 0 && r.penaltyDueFen() == 0).forEach(r -> r.settledOn = on);
    }

    /** A detached copy, to quote the pay-off as it stood before this payment touched the rows. */
    private static ScheduledInstallment copy(ScheduledInstallment r) {
        ScheduledInstallment c = new ScheduledInstallment();
        c.number = r.number;
        c.dueDate = r.dueDate;
        c.principalFen = r.principalFen;
        c.interestFen = r.interestFen;
        c.balanceFen = r.balanceFen;
        c.periodStart = r.periodStart;
        c.periodMonths = r.periodMonths;
        c.periodRate = r.periodRate;
        c.paidPrincipalFen = r.paidPrincipalFen;
        c.paidInterestFen = r.paidInterestFen;
        c.penaltyAccruedFen = r.penaltyAccruedFen;
        c.paidPenaltyFen = r.paidPenaltyFen;
        c.settledOn = r.settledOn;
        return c;
    }

    /** Penalty and arrears belong to installments due before the day; current dues to the one due on it. */
    private static boolean belongs(Due due, ScheduledInstallment row, LocalDate on) {
        return switch (due) {
            case PENALTY_INTEREST -> !row.dueDate.isAfter(on);
            case OVERDUE_INTEREST, OVERDUE_PRINCIPAL -> row.dueDate.isBefore(on);
            case CURRENT_INTEREST, CURRENT_PRINCIPAL -> row.dueDate.isEqual(on);
        };
    }

    /** Everything repaid today: the running installment takes all the principal left and the interest accrued. */
    private static List<ScheduledInstallment> payOff(Loan loan, List<ScheduledInstallment> rows, Installment running,
                                                     Money principal, Money accrued, LocalDate on) {
        List<ScheduledInstallment> removed = new ArrayList<>();
        for (ScheduledInstallment row : List.copyOf(rows)) {
            if (row.number == running.number()) {
                row.principalFen = principal.fen();
                row.paidPrincipalFen = principal.fen();
                row.interestFen = row.paidInterestFen + accrued.fen();
                row.paidInterestFen = row.interestFen;
                row.balanceFen = 0;
                row.dueDate = on;
                row.settledOn = on;
            } else if (row.number > running.number()) {
                rows.remove(row);
                loan.installments.remove(row);
                removed.add(row);
            }
        }
        return removed;
    }

    /**
     * A partial prepayment: the installments from the running one on are replaced by the engine's new
     * ones; the interest accrued and paid today is recorded on the running installment.
     */
    private List<ScheduledInstallment> reschedule(Loan loan, List<ScheduledInstallment> rows, Installment running,
                                                  PrepaymentResult result) {
        List<ScheduledInstallment> removed = new ArrayList<>();
        for (ScheduledInstallment row : List.copyOf(rows)) {
            if (row.number >= running.number()) {
                rows.remove(row);
                loan.installments.remove(row);
                removed.add(row);
            }
        }
        for (Installment i : result.remaining()) {
            ScheduledInstallment row = ScheduledInstallment.of(loan, i);
            if (i.number() == running.number()) {
                row.interestFen += result.accruedInterest().fen();
                row.paidInterestFen = result.accruedInterest().fen();
            }
            rows.add(row);
            loan.installments.add(row);
        }
        result.emi().ifPresent(emi -> loan.emiFen = emi.fen());
        return removed;
    }

    /** DR the rail's settlement (cash in); CR loans receivable, interest income, penalty interest income, fees. */
    private LedgerTransaction journal(Loan loan, String key, Money amount, PaymentAllocation allocation, Money prepaid,
                                      Money accrued, Money penalty) {
        LedgerTransaction t = new LedgerTransaction();
        t.id = UUID.randomUUID().toString();
        t.loanId = loan.id;
        t.kind = LedgerTransaction.Kind.REPAYMENT.name();
        t.idempotencyKey = key;
        t.postedAt = clock.instant();
        Money principal = allocation.appliedTo(Due.OVERDUE_PRINCIPAL).plus(allocation.appliedTo(Due.CURRENT_PRINCIPAL)).plus(prepaid);
        Money interest = allocation.appliedTo(Due.OVERDUE_INTEREST).plus(allocation.appliedTo(Due.CURRENT_INTEREST)).plus(accrued);
        Journal.entry(t, JournalEntry.Account.PAYMENT_RAIL_SETTLEMENT, amount, Money.ZERO);
        Journal.entry(t, JournalEntry.Account.LOANS_RECEIVABLE, Money.ZERO, principal);
        Journal.entry(t, JournalEntry.Account.INTEREST_INCOME, Money.ZERO, interest);
        Journal.entry(t, JournalEntry.Account.PENALTY_INTEREST_INCOME, Money.ZERO, allocation.appliedTo(Due.PENALTY_INTEREST));
        Journal.entry(t, JournalEntry.Account.FEE_INCOME, Money.ZERO, penalty);
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
