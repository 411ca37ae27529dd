package org.microloan.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.ConductRules;
import org.microloan.servicing.EarlyWarnings;

/**
 * What happens to a loan besides money: early-warning signals and the actions the catalogue gives them
 * (the borrower's line frozen or cut, each change recorded; the loan flagged for review; a business loan
 * called in), and call attempts, which the conduct rules bound (none in quiet hours, at most six
 * unanswered a day).
 */
@ApplicationScoped
public class LoanEvents {

    /** What cutting a line takes off it. */
    static final BigDecimal CUT_SHARE = new BigDecimal("0.5");

    private final Mutiny.SessionFactory sessions;
    private final ProductCatalogue products;
    private final ConductRules conduct;

    public LoanEvents(Mutiny.SessionFactory sessions, ProductCatalogue products) {
        this.sessions = sessions;
        this.products = products;
        this.conduct = products.conduct();
    }

    /** A call the conduct rules forbid: not made, and why. */
    public static class CallRefusedException extends RuntimeException {
        public CallRefusedException(String why) {
            super(why);
        }
    }

    public Uni<LoanEvent> signal(String loanId, EarlyWarnings.Signal signal, LocalDate on, String detail) {
        return sessions.withTransaction(session -> session.find(Loan.class, loanId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new IllegalArgumentException("no loan " + loanId))
                .chain(loan -> session.createSelectionQuery("from CreditLine where borrowerId = :b and productCode = :p",
                                CreditLine.class).setParameter("b", loan.borrowerId).setParameter("p", loan.productCode)
                        .getSingleResultOrNull()
                        .chain(line -> {
                            Set<EarlyWarnings.Action> actions = products.earlyWarnings()
                                    .actionsFor(signal, products.get(loan.productCode).customer());
                            List<Object> rows = new ArrayList<>();
                            for (EarlyWarnings.Action action : actions) {
                                switch (action) {
                                    case FREEZE_LINE -> {
                                        if (line != null && !line.frozen) {
                                            rows.add(CreditLineChange.of(line, on, action.name(), line.lineFen,
                                                    line.annualRate, true, signal + ": line frozen"));
                                            line.frozen = true;
                                        }
                                    }
                                    case CUT_LINE -> {
                                        if (line != null) {
                                            long cut = BigDecimal.valueOf(line.lineFen).multiply(BigDecimal.ONE.subtract(CUT_SHARE))
                                                    .setScale(0, RoundingMode.DOWN).longValueExact();
                                            rows.add(CreditLineChange.of(line, on, action.name(), cut, line.annualRate,
                                                    line.frozen, signal + ": line cut"));
                                            line.lineFen = cut;
                                        }
                                    }
                                    case FLAG_FOR_REVIEW -> loan.flaggedForReview = true;
                                    case CALL_IN -> loan.calledInOn = on;
                                }
                            }
                            LoanEvent event = new LoanEvent();
                            event.id = UUID.randomUUID().toString();
                            event.loanId = loan.id;
                            event.signal = signal.name();
                            event.occurredOn = on;
                            event.actions = actions.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
                            event.detail = detail;
                            rows.add(event);
                            return session.persistAll(rows.toArray()).replaceWith(event);
                        })));
    }

    /** Logs a call; refused (and not logged) in quiet hours, or after six unanswered calls that day. */
    public Uni<CallAttempt> call(String loanId, Instant at, boolean answered) {
        if (!conduct.sendAt(at, BusinessDate.CHINA).equals(at)) {
            return Uni.createFrom().failure(new CallRefusedException("no calls between 22:00 and 08:00 borrower time"));
        }
        LocalDate day = at.atZone(BusinessDate.CHINA).toLocalDate();
        Instant from = day.atStartOfDay(BusinessDate.CHINA).toInstant();
        return sessions.withTransaction(session -> session.find(Loan.class, loanId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new IllegalArgumentException("no loan " + loanId))
                .chain(loan -> session.createSelectionQuery("select count(c) from CallAttempt c where c.loanId = :loan"
                                + " and c.answered = false and c.at >= :from and c.at < :to", Long.class)
                        .setParameter("loan", loanId).setParameter("from", from).setParameter("to", from.plusSeconds(86_400))
                        .getSingleResult())
                .chain(unanswered -> {
                    if (!conduct.mayCall(unanswered.intValue())) {
                        throw new CallRefusedException(unanswered + " unanswered calls today: no more until tomorrow");
                    }
                    CallAttempt attempt = new CallAttempt();
                    attempt.id = UUID.randomUUID().toString();
                    attempt.loanId = loanId;
                    attempt.at = at;
                    attempt.answered = answered;
                    return session.persist(attempt).replaceWith(attempt);
                }));
    }
}
