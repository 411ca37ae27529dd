package org.microloan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.money.Money;
import org.microloan.product.Product;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.servicing.CreditLineReview;

/**
 * Credit lines in the books: opened with a borrower's first loan of a product (at the offered line and
 * rate), and reviewed at each quarter's end by {@link CreditLineReview} on how that quarter's installments
 * were paid. Every change is recorded with its reason.
 */
@ApplicationScoped
public class CreditLines {

    private final Mutiny.SessionFactory sessions;
    private final ProductCatalogue products;
    private final Books books;
    private final CreditLineReview review;

    public CreditLines(Mutiny.SessionFactory sessions, ProductCatalogue products, Books books) {
        this.sessions = sessions;
        this.products = products;
        this.review = products.lineReview();
        this.books = books;
    }

    /** A draw the line cannot take: frozen, or more than what is left of it (the figure is given). */
    public static class DrawRefusedException extends RuntimeException {
        public DrawRefusedException(String why) {
            super(why);
        }
    }

    /**
     * 随借随还: borrows {@code amount} on the line, if it is not frozen and has the room, as a daily-accrual
     * loan at the line's rate over the product's longest term, repayable any day. {@code drawId} makes the
     * draw once-only, like an application.
     */
    public Uni<Loan> draw(String borrowerId, String productCode, Money amount, LocalDate on, String drawId,
                          String payoutReference) {
        Product product = products.get(productCode);
        return sessions.withTransaction(session -> session.createSelectionQuery(
                        "from CreditLine where borrowerId = :b and productCode = :p", CreditLine.class)
                .setParameter("b", borrowerId).setParameter("p", productCode)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull()
                .chain(line -> {
                    if (line == null) {
                        throw new DrawRefusedException("no " + productCode + " line for this borrower");
                    }
                    if (line.frozen) {
                        throw new DrawRefusedException("the line is frozen: no draws");
                    }
                    return session.createSelectionQuery("select coalesce(sum(i.principalFen - i.paidPrincipalFen), 0)"
                                    + " from ScheduledInstallment i where i.loan.borrowerId = :b and i.loan.productCode = :p"
                                    + " and i.loan.status = ACTIVE and i.loan.applicationId <> :draw", Long.class)
                            .setParameter("b", borrowerId).setParameter("p", productCode).setParameter("draw", drawId)
                            .getSingleResult()
                            .map(outstanding -> {
                                Money available = Money.ofFen(line.lineFen - outstanding);
                                if (amount.isGreaterThan(available)) {
                                    throw new DrawRefusedException(amount + " is more than the " + available
                                            + " left on the line: draw at most " + available);
                                }
                                return line;
                            });
                }))
                .chain(line -> books.bookDisbursement(new Disbursement(drawId, borrowerId, productCode, payoutReference,
                        RepaymentSchedule.of(new LoanTerms(amount, line.annualRate, product.maxTermMonths(),
                                RepaymentMethod.DAILY_ACCRUAL, product.dayCount(), Frequency.MONTHLY, on, null,
                                product.rounding(), Money.ZERO)))));
    }

    /** Opens the line if the borrower has none for the product yet; an existing line is left to its reviews. */
    public Uni<CreditLine> open(String borrowerId, String productCode, Money line, BigDecimal annualRate, LocalDate on) {
        return sessions.withTransaction(session -> find(session, borrowerId, productCode).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            CreditLine opened = new CreditLine();
            opened.id = UUID.randomUUID().toString();
            opened.borrowerId = borrowerId;
            opened.productCode = productCode;
            opened.lineFen = line.fen();
            opened.annualRate = annualRate;
            opened.openedOn = on;
            return session.persist(opened).replaceWith(opened);
        }));
    }

    public Uni<CreditLine> line(String borrowerId, String productCode) {
        return sessions.withSession(session -> find(session, borrowerId, productCode));
    }

    public Uni<List<CreditLineChange>> changes(String creditLineId) {
        return sessions.withSession(session -> session.createSelectionQuery(
                "from CreditLineChange where creditLineId = :id order by changedOn", CreditLineChange.class)
                .setParameter("id", creditLineId).getResultList());
    }

    /** Whether {@code date} ends a calendar quarter: the run reviews lines only then. */
    public static boolean quarterEnd(LocalDate date) {
        return date.equals(date.with(IsoFields.DAY_OF_QUARTER, date.range(IsoFields.DAY_OF_QUARTER).getMaximum()));
    }

    /** Reviews a page of lines for the quarter ending on {@code date}; the last line id, for the next page. */
    public Uni<String> reviewPage(LocalDate date, String afterLineId, int pageSize) {
        LocalDate from = date.minusMonths(3);
        return sessions.withTransaction(session -> session.createSelectionQuery(
                        "from CreditLine where id > :after and (reviewedOn is null or reviewedOn < :date) order by id",
                        CreditLine.class)
                .setParameter("after", afterLineId == null ? "" : afterLineId).setParameter("date", date)
                .setMaxResults(pageSize).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                .chain(lines -> {
                    Uni<List<CreditLineChange>> all = Uni.createFrom().item(new ArrayList<>());
                    for (CreditLine line : lines) {
                        all = all.chain(changes -> quarter(session, line, from, date).map(q -> {
                            changes.add(reviewed(line, date, q));
                            return changes;
                        }));
                    }
                    return all.chain(changes -> session.persistAll(changes.toArray()))
                            .replaceWith(lines.isEmpty() ? null : lines.get(lines.size() - 1).id);
                }));
    }

    private CreditLineChange reviewed(CreditLine line, LocalDate date, CreditLineReview.Quarter quarter) {
        CreditLineReview.Outcome outcome = review.review(products.get(line.productCode), Money.ofFen(line.lineFen),
                line.annualRate, quarter);
        CreditLineChange change = CreditLineChange.of(line, date, outcome.action().name(), outcome.line().fen(),
                outcome.annualRate(), outcome.frozen() || line.frozen, outcome.reason());
        line.lineFen = outcome.line().fen();
        line.annualRate = outcome.annualRate();
        line.frozen = line.frozen || outcome.frozen();
        line.reviewedOn = date;
        return change;
    }

    /** The quarter's installments of the borrower's loans of the product: how many, how many on time, how late. */
    private static Uni<CreditLineReview.Quarter> quarter(Mutiny.Session session, CreditLine line, LocalDate from,
                                                         LocalDate to) {
        return session.createSelectionQuery("from ScheduledInstallment i where i.loan.borrowerId = :b"
                        + " and i.loan.productCode = :p and i.dueDate > :from and i.dueDate <= :to", ScheduledInstallment.class)
                .setParameter("b", line.borrowerId).setParameter("p", line.productCode)
                .setParameter("from", from).setParameter("to", to).getResultList()
                .map(rows -> new CreditLineReview.Quarter(rows.size(),
                        (int) rows.stream().filter(r -> r.settledOn != null && !r.settledOn.isAfter(r.dueDate)).count(),
                        rows.stream().mapToLong(r -> ChronoUnit.DAYS.between(r.dueDate, r.settledOn != null ? r.settledOn : to))
                                .filter(days -> days > 0).max().orElse(0)));
    }

    private static Uni<CreditLine> find(Mutiny.Session session, String borrowerId, String productCode) {
        return session.createSelectionQuery("from CreditLine where borrowerId = :b and productCode = :p", CreditLine.class)
                .setParameter("b", borrowerId).setParameter("p", productCode).getSingleResultOrNull();
    }
}
