package org.microloan.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.microloan.configuration.Settings;
import org.microloan.ledger.Books;
import org.microloan.ledger.Portfolio;
import org.microloan.ledger.PortfolioFigures;
import org.microloan.origination.store.Originations;
import org.microloan.schedule.BusinessDate;
import org.microloan.workflow.OriginationFigures;

/** Ops and risk read the books and origination on a day. */
@Path("/v1/ops/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.COLLECTOR, Roles.OPERATOR, Roles.SUPERVISOR})
public class PortfolioResource {

    /** Business days are China's. */

    private final Portfolio portfolio;
    private final Originations originations;
    private final Clock clock;

    private final int originationDays;

    public PortfolioResource(Portfolio portfolio, Originations originations, Settings settings, Clock clock) {
        this.originationDays = settings.origination().reportDays();
        this.portfolio = portfolio;
        this.originations = originations;
        this.clock = clock;
    }

    /** The books on a day, and origination over the days up to it. */
    @RegisterForReflection
    public record PortfolioReport(LocalDate on, PortfolioFigures servicing, Origination origination) {
    }

    /**
     * Origination over the applications made from {@code from} to {@code to} (China time, both days
     * included): approval times in seconds, shares to four places, decline reasons most frequent first.
     */
    @RegisterForReflection
    public record Origination(LocalDate from, LocalDate to, long applications, long decided, Long approvalSecondsP50,
                              Long approvalSecondsP95, BigDecimal autoApprovalRate, String reviewAbove, long largeDecided,
                              BigDecimal manualReviewShareOfLarge, List<OriginationFigures.ReasonCount> declineReasons) {
    }

    @Operation(summary = "Read the portfolio",
            description = "The books on a day (`date`, optionally one `product`): outstanding, overdue and bad-debt rates, "
                    + "the five-tier mix, collections, line changes; and origination over the days up to it: approval "
                    + "time p50/p95, auto-approval rate, manual-review share of large loans, decline reasons.")
    @GET
    public PortfolioReport portfolio(@QueryParam("date") String date, @QueryParam("product") String product) {
        LocalDate on = date == null ? BusinessDate.today(clock) : RequestDate.parse("query:date", date);
        PortfolioFigures servicing = Books.await(() -> portfolio.on(on, Optional.ofNullable(product)));
        LocalDate from = on.minusDays(originationDays - 1);
        OriginationFigures o = originations.between(from.atStartOfDay(BusinessDate.CHINA).toInstant(),
                on.plusDays(1).atStartOfDay(BusinessDate.CHINA).toInstant());
        return new PortfolioReport(on, servicing, new Origination(from, on, o.applications(), o.decided(),
                seconds(o.approvalTimeP50()), seconds(o.approvalTimeP95()), o.autoApprovalRate(), o.reviewAbove().toString(),
                o.largeDecided(), o.manualReviewShareOfLarge(), o.declineReasons()));
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.getSeconds();
    }
}
