package org.microloan.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.microloan.servicing.EarlyWarnings;

/**
 * What happens to a loan besides money: early-warning signals and the actions the catalogue gives them
 * (the borrower's line frozen or cut, each change recorded; the loan flagged for review; a business loan
 * called in). Collectors' calls are {@link CollectionCalls}.
 */
@ApplicationScoped
public class LoanEvents {

    /** What cutting a line takes off it. */
    static final BigDecimal CUT_SHARE = new BigDecimal("0.5");

    private final Mutiny.SessionFactory sessions;
    private final ProductCatalogue products;

    public LoanEvents(Mutiny.SessionFactory sessions, ProductCatalogue products) {
        this.sessions = sessions;
        this.products = products;
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
}
