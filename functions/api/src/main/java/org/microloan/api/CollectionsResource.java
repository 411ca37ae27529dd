package org.microloan.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.microloan.configuration.Settings;
import org.microloan.ledger.Books;
import org.microloan.ledger.CallAttempt;
import org.microloan.ledger.CollectionCalls;
import org.microloan.ledger.CollectionRecord;
import org.microloan.ledger.Loan;
import org.microloan.ledger.LoanHistory;
import org.microloan.ledger.OverdueLoans;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.CallParty;
import org.microloan.servicing.CollectionTier;
import org.microloan.servicing.CollectionsPlan;
import org.microloan.servicing.ConductRules;
import org.microloan.servicing.LoanAccount;

/**
 * The collections workbench's lists: overdue loans by tier, with what they owe and when the borrower may next
 * be called; and the agencies a loan may be handed to.
 */
@Path("/v1/ops/collections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.OPERATOR, Roles.SUPERVISOR})
public class CollectionsResource {

    static final int MOST = 200;

    private final OverdueLoans overdue;
    private final CollectionCalls calls;
    private final CollectionsPlan plan;
    private final ConductRules conduct;
    private final Settings settings;
    private final Clock clock;

    public CollectionsResource(OverdueLoans overdue, CollectionCalls calls, ProductCatalogue products, Settings settings,
                               Clock clock) {
        this.overdue = overdue;
        this.calls = calls;
        this.plan = products.collections();
        this.conduct = products.conduct();
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param firstDay  the tier's first day past due; {@code lastDay} its last (none for AGENCY)
     * @param total     how many loans the tier holds; {@code loans} the first of them, most overdue first
     */
    @RegisterForReflection
    public record WorkList(String tier, long firstDay, Long lastDay, LocalDate businessDate, long total,
                           List<OverdueLoan> loans) {
    }

    /**
     * @param owed          what is due now: overdue principal and interest, penalty interest, and today's installment
     * @param forAgency     beyond negotiation and not yet with an agency: to be handed over
     * @param nextCallAt    the first moment the borrower's number may be called (quiet hours, the day's unanswered calls)
     * @param callableNow   nothing stands in the way of a call at the server's time
     * @param unansweredToday unanswered calls to the borrower's number today
     * @param promise       the latest promise to pay, and where it stands
     */
    @RegisterForReflection
    public record OverdueLoan(String loanId, String productCode, long daysPastDue, String owed,
                              String outstandingPrincipal, String fiveTierClass, boolean withAgency, boolean forAgency,
                              Instant nextCallAt, boolean callableNow, long unansweredToday, int calls, LoanHistory.Call lastCall,
                              LoanHistory.Promise promise) {
    }

    @RegisterForReflection
    public record Agency(String id, String name) {
    }

    @Operation(summary = "Overdue loans in a collections tier",
            description = "Active loans by days past due on today's business date (China time): REMINDERS (1–7 days by "
                    + "default), NEGOTIATION (8–30, the default tier) or AGENCY (more than 30), most overdue first, up to "
                    + "limit (1–200, default 50). "
                    + "Each with what it owes now, when the borrower's number may next be called under the conduct "
                    + "rules, its last call and latest promise to pay (PENDING, KEPT or BROKEN).")
    @GET
    public WorkList tier(@QueryParam("tier") @DefaultValue("NEGOTIATION") String tier,
                         @QueryParam("limit") @DefaultValue("50") int limit) {
        CollectionTier t = RequestChoice.oneOf("query:tier", CollectionTier.values(), tier.toUpperCase(Locale.ROOT));
        if (limit < 1 || limit > MOST) {
            throw new Problems.BadFieldException("query:limit", "send a limit from 1 to " + MOST + ", not " + limit);
        }
        Instant now = clock.instant();
        LocalDate today = BusinessDate.of(now);
        OverdueLoans.Page page = Books.await(() -> overdue.inTier(t, today, limit));
        Map<String, String> numbers = new HashMap<>();
        page.calls().forEach((loan, made) -> borrowersNumber(made).ifPresent(n -> numbers.put(loan, n)));
        Map<String, Long> unanswered = Books.await(() -> calls.unansweredToday(numbers.values(), now));
        CollectionsPlan.Days days = plan.daysOf(t);
        return new WorkList(t.name(), days.first(), days.last().orElse(null), today, page.total(),
                page.loans().stream().map(loan -> {
                    List<CallAttempt> made = page.calls().getOrDefault(loan.id, List.of());
                    long count = Optional.ofNullable(numbers.get(loan.id)).map(n -> unanswered.getOrDefault(n, 0L)).orElse(0L);
                    return overdueLoan(loan, today, now, made, page.collections().getOrDefault(loan.id, List.of()), count);
                }).toList());
    }

    @Operation(summary = "The agencies a loan may be handed to",
            description = "The licensed collection agencies on the whitelist (microloan.agencies.<id>.name).")
    @GET
    @Path("agencies")
    public List<Agency> agencies() {
        return settings.agencies().entrySet().stream().map(e -> new Agency(e.getKey(), e.getValue().name()))
                .sorted(Comparator.comparing(Agency::id)).toList();
    }

    private OverdueLoan overdueLoan(Loan loan, LocalDate today, Instant now, List<CallAttempt> made,
                                    List<CollectionRecord> money, long unansweredToday) {
        LoanAccount account = loan.account();
        long daysPastDue = account.daysPastDue(today);
        LoanHistory.Call last = made.isEmpty() ? null : CollectionCalls.view(made.get(made.size() - 1), money, today);
        LoanHistory.Promise promise = made.stream().filter(c -> c.promisedFen != null).reduce((first, second) -> second)
                .map(c -> CollectionCalls.view(c, money, today).promise()).orElse(null);
        Instant nextCall = conduct.nextCallAt(now, BusinessDate.CHINA, (int) unansweredToday);
        return new OverdueLoan(loan.id, loan.productCode, daysPastDue, account.totalOwed(today).toString(),
                account.outstandingPrincipal().toString(), loan.fiveTierClass.name(), loan.withAgency,
                plan.forAgency(daysPastDue) && !loan.withAgency, nextCall, !nextCall.isAfter(now), unansweredToday,
                made.size(), last, promise);
    }

    /** The number the borrower was last called on. */
    private static Optional<String> borrowersNumber(List<CallAttempt> made) {
        return made.stream().filter(c -> c.party == CallParty.BORROWER && c.numberKey != null)
                .reduce((first, second) -> second).map(c -> c.numberKey);
    }
}
