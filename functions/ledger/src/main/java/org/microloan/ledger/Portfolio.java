package org.microloan.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.money.Money;

/** The portfolio figures, by queries over the books (each query reads; nothing is kept beside the books). */
@ApplicationScoped
public class Portfolio {

    // a loan made after the day is not in the books of that day
    private static final String ACTIVE = "l.status = ACTIVE and l.startDate <= :on"
            + " and (cast(:product as String) is null or l.productCode = :product)";
    private static final String IN_ARREARS = "exists (select 1 from ScheduledInstallment a where a.loan = l"
            + " and a.settledOn is null and a.dueDate < :on)";

    private final Mutiny.SessionFactory sessions;

    public Portfolio(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<PortfolioFigures> on(LocalDate on, Optional<String> product) {
        String p = product.orElse(null);
        return sessions.withSession(session -> session.createSelectionQuery(
                        "select l.productCode, l.fiveTierClass, count(distinct l.id), sum(i.principalFen - i.paidPrincipalFen)"
                                + " from Loan l join l.installments i where " + ACTIVE
                                + " group by l.productCode, l.fiveTierClass order by l.productCode, l.fiveTierClass",
                        Object[].class).setParameter("product", p).setParameter("on", on).getResultList()
                .chain(rows -> balanceWhere(session, "l.fiveTierClass in (SUBSTANDARD, DOUBTFUL, LOSS)", on, p)
                        .chain(bad -> balanceWhere(session, IN_ARREARS, on, p)
                                .chain(overdue -> collectionSuccess(session, on, p)
                                        .chain(collected -> repeatLoans(session, p)
                                                .chain(repeat -> lineChanges(session, on, p)
                                                        .map(changes -> figures(on, rows, bad, overdue, collected,
                                                                repeat, changes))))))));
    }

    private static PortfolioFigures figures(LocalDate on, List<Object[]> rows, long badFen, long overdueFen,
                                            BigDecimal collected, BigDecimal repeat, Map<String, Long> lineChanges) {
        List<PortfolioFigures.Segment> segments = rows.stream().map(r -> new PortfolioFigures.Segment((String) r[0],
                String.valueOf(r[1]), (Long) r[2], Money.ofFen((Long) r[3]).toString())).toList();
        long loans = segments.stream().mapToLong(PortfolioFigures.Segment::loans).sum();
        long balanceFen = rows.stream().mapToLong(r -> (Long) r[3]).sum();
        return new PortfolioFigures(on, segments, loans, Money.ofFen(balanceFen).toString(), share(overdueFen, balanceFen),
                share(badFen, balanceFen), collected, repeat, lineChanges);
    }

    private static Uni<Long> balanceWhere(Mutiny.Session session, String condition, LocalDate on, String product) {
        var query = session.createSelectionQuery("select coalesce(sum(i.principalFen - i.paidPrincipalFen), 0)"
                + " from Loan l join l.installments i where " + ACTIVE + " and " + condition, Long.class)
                .setParameter("product", product).setParameter("on", on);
        return query.getSingleResult();
    }

    private static Uni<BigDecimal> collectionSuccess(Mutiny.Session session, LocalDate on, String product) {
        String contacted = "from Loan l where (cast(:product as String) is null or l.productCode = :product) and l.id in (select c.loanId"
                + " from ContactRecord c where c.kind <> DUE_REMINDER and c.businessDate <= :on)";
        return session.createSelectionQuery("select count(l) " + contacted, Long.class)
                .setParameter("product", product).setParameter("on", on).getSingleResult()
                .chain(all -> session.createSelectionQuery("select count(l) " + contacted
                                + " and (l.status = SETTLED or l.arrearsClearedOn is not null)", Long.class)
                        .setParameter("product", product).setParameter("on", on).getSingleResult()
                        .map(cleared -> share(cleared, all)));
    }

    private static Uni<BigDecimal> repeatLoans(Mutiny.Session session, String product) {
        String where = " where (cast(:product as String) is null or l.productCode = :product)";
        return session.createSelectionQuery("select count(distinct l.borrowerId) from Loan l" + where, Long.class)
                .setParameter("product", product).getSingleResult()
                .chain(borrowers -> session.createSelectionQuery("select l.borrowerId from Loan l" + where
                                + " group by l.borrowerId having count(l) > 1", String.class)
                        .setParameter("product", product).getResultList()
                        .map(repeaters -> share(repeaters.size(), borrowers)));
    }

    private static Uni<Map<String, Long>> lineChanges(Mutiny.Session session, LocalDate on, String product) {
        return session.createSelectionQuery("select c.action, count(c) from CreditLineChange c, CreditLine l"
                        + " where c.creditLineId = l.id and (cast(:product as String) is null or l.productCode = :product)"
                        + " and c.changedOn <= :on group by c.action order by c.action", Object[].class)
                .setParameter("product", product).setParameter("on", on).getResultList()
                .map(rows -> {
                    Map<String, Long> byAction = new LinkedHashMap<>();
                    rows.forEach(r -> byAction.put((String) r[0], (Long) r[1]));
                    return byAction;
                });
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
