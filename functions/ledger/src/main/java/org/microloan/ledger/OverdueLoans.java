package org.microloan.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.microloan.product.ProductCatalogue;
import org.microloan.servicing.CollectionTier;
import org.microloan.servicing.CollectionsPlan;

/**
 * The collections workbench's lists: active loans whose oldest unpaid installment puts them in a tier
 * (days past due on the business date), most overdue first, with their calls.
 */
@ApplicationScoped
public class OverdueLoans {

    private final Mutiny.SessionFactory sessions;
    private final CollectionsPlan plan;

    public OverdueLoans(Mutiny.SessionFactory sessions, ProductCatalogue products) {
        this.sessions = sessions;
        this.plan = products.collections();
    }

    /**
     * @param loans     the page, most overdue first, each with its installments
     * @param total     how many loans the tier holds
     * @param calls     each loan's calls, oldest first, by loan id
     * @param collections each loan's money in, by loan id (for its promises)
     */
    public record Page(List<Loan> loans, long total, Map<String, List<CallAttempt>> calls,
                       Map<String, List<CollectionRecord>> collections) {
    }

    public Uni<Page> inTier(CollectionTier tier, LocalDate on, int limit) {
        CollectionsPlan.Days days = plan.daysOf(tier);
        // past due by d days: the oldest unpaid installment fell due d days before the day
        LocalDate newest = on.minusDays(days.first());
        LocalDate oldest = days.last().map(on::minusDays).orElse(LocalDate.of(1, 1, 1));
        String overdue = " from ScheduledInstallment i where i.loan.status = ACTIVE and i.settledOn is null"
                + " and i.dueDate < :on group by i.loan.id having min(i.dueDate) between :oldest and :newest";
        return sessions.withSession(session -> session.createSelectionQuery("select i.loan.id" + overdue
                                + " order by min(i.dueDate), i.loan.id", String.class)
                .setParameter("on", on).setParameter("oldest", oldest).setParameter("newest", newest)
                .setMaxResults(limit).getResultList()
                .chain(ids -> session.createSelectionQuery("select count(*) from (select i.loan.id as id" + overdue + ") t",
                                Long.class)
                        .setParameter("on", on).setParameter("oldest", oldest).setParameter("newest", newest)
                        .getSingleResult()
                        .chain(total -> ids.isEmpty() ? Uni.createFrom().item(new Page(List.of(), total, Map.of(), Map.of()))
                                : session.createSelectionQuery("select distinct l from Loan l left join fetch l.installments"
                                                + " where l.id in :ids", Loan.class).setParameter("ids", ids).getResultList()
                                        .chain(loans -> session.createSelectionQuery(
                                                        "from CallAttempt where loanId in :ids order by at, id", CallAttempt.class)
                                                .setParameter("ids", ids).getResultList()
                                                .chain(calls -> session.createSelectionQuery("from CollectionRecord"
                                                                + " where loanId in :ids and status = SUCCEEDED", CollectionRecord.class)
                                                        .setParameter("ids", ids).getResultList()
                                                        .map(money -> {
                                                            Map<String, Loan> byId = loans.stream()
                                                                    .collect(Collectors.toMap(l -> l.id, Function.identity()));
                                                            return new Page(ids.stream().map(byId::get).toList(), total,
                                                                    calls.stream().collect(Collectors.groupingBy(c -> c.loanId)),
                                                                    money.stream().collect(Collectors.groupingBy(c -> c.loanId)));
                                                        }))))));
    }
}
