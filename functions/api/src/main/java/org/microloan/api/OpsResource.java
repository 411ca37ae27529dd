package org.microloan.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microloan.servicing.EarlyWarnings;
import org.microloan.support.books.Books;
import org.microloan.support.books.LoanEvent;
import org.microloan.support.books.LoanEvents;
import org.microloan.support.books.Portfolio;
import org.microloan.support.books.PortfolioFigures;
import org.microloan.support.intake.ApplicationIntake;
import org.microloan.support.partners.NoticeDelivery;
import org.microloan.support.partners.PartnerNotice;
import org.microloan.support.partners.PartnerNotices;
import org.microloan.support.steps.StepContext;
import org.microloan.support.store.ApplicationStore;
import org.microloan.support.store.ExposureReservations;
import org.microloan.support.store.Originations;
import org.microloan.support.store.StoredApplication;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.OriginationFigures;
import org.microloan.workflow.ReplayPoint;
import org.microloan.workflow.Step;
import org.microloan.workflow.TaskToken;
import org.microloan.decision.Decision;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;

/** Operations staff: decide the applications waiting for a person, watch and mend the workflow, read the portfolio. */
@Path("/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ops")
public class OpsResource {

    private final JsonWebToken jwt;
    private final ApplicationStore store;
    private final StepContext steps;
    private final ExposureReservations exposure;
    private final Workflow workflow;
    private final Portfolio portfolio;
    private final ApplicationIntake intake;
    private final Books books;
    private final LoanEvents events;
    private final PartnerNotices notices;
    private final NoticeDelivery delivery;
    private final Originations originations;
    private final Clock clock;

    /** Business days are China's. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @ConfigProperty(name = "microloan.origination.report-days", defaultValue = "30")
    int originationDays;

    public OpsResource(JsonWebToken jwt, ApplicationStore store, StepContext steps, ExposureReservations exposure,
                       Workflow workflow, Portfolio portfolio, ApplicationIntake intake, Books books, LoanEvents events,
                       PartnerNotices notices, NoticeDelivery delivery, Originations originations, Clock clock) {
        this.originations = originations;
        this.notices = notices;
        this.delivery = delivery;
        this.intake = intake;
        this.books = books;
        this.events = events;
        this.jwt = jwt;
        this.store = store;
        this.steps = steps;
        this.exposure = exposure;
        this.workflow = workflow;
        this.portfolio = portfolio;
        this.clock = clock;
    }

    /** A person's decision on a referred application, and why. */
    @RegisterForReflection
    public record Review(Boolean approve, String reason) {
    }

    @RegisterForReflection
    public record Reviewed(String applicationId, String status, String reviewer) {
    }

    @POST
    @Path("/reviews/{applicationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Reviewed review(@PathParam("applicationId") String id, Review review) {
        if (review == null || review.approve() == null) {
            throw new Problems.BadFieldException("/approve", "send true to approve, false to decline");
        }
        if (review.reason() == null || review.reason().isBlank()) {
            throw new Problems.BadFieldException("/reason", "say why: the borrower may ask (PIPL art. 24)");
        }
        StoredApplication stored = store.find(id).orElseThrow(() -> new Problems.NotFoundException("no application " + id));
        if (stored.status() != ApplicationStatus.IN_REVIEW) {
            throw new Problems.ConflictException("not-in-review", "application " + id + " is " + stored.status()
                    + ", not waiting for a review");
        }
        String token = steps.recorded(stored, Step.REVIEW_TOKEN).map(TaskToken::taskToken)
                .orElseThrow(() -> new Problems.ConflictException("not-in-review", "the workflow is not waiting on " + id));
        if (steps.recorded(stored, Step.REVIEW).isPresent()) {
            // an approval leaves the status to the workflow's next step: the token is spent already
            throw new Problems.ConflictException("already-reviewed", "application " + id
                    + " is reviewed already; its workflow is going on");
        }
        String reviewer = jwt.getSubject();
        org.microloan.workflow.Review decision = new org.microloan.workflow.Review(review.approve(), reviewer,
                review.reason(), clock.instant());
        if (!review.approve()) {
            steps.advance(stored, ApplicationStatus.DECLINED, Step.REVIEW, decision);
            exposure.release(stored.borrowerId(), id, intake.creditApplication(stored).amount());
        } else {
            steps.record(stored, Step.REVIEW, decision);
        }
        workflow.answer(token, Map.of("approved", review.approve(), "reviewer", reviewer));
        return new Reviewed(id, review.approve() ? ApplicationStatus.IN_REVIEW.name() : ApplicationStatus.DECLINED.name(),
                reviewer);
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

    @GET
    @Path("/portfolio")
    public PortfolioReport portfolio(@QueryParam("date") String date, @QueryParam("product") String product) {
        LocalDate on = date == null ? LocalDate.now(clock.withZone(CHINA)) : LoansResource.date("date", date);
        PortfolioFigures servicing = Books.await(() -> portfolio.on(on, Optional.ofNullable(product)));
        LocalDate from = on.minusDays(originationDays - 1);
        OriginationFigures o = originations.between(from.atStartOfDay(CHINA).toInstant(),
                on.plusDays(1).atStartOfDay(CHINA).toInstant());
        return new PortfolioReport(on, servicing, new Origination(from, on, o.applications(), o.decided(),
                seconds(o.approvalTimeP50()), seconds(o.approvalTimeP95()), o.autoApprovalRate(), o.reviewAbove().toString(),
                o.largeDecided(), o.manualReviewShareOfLarge(), o.declineReasons()));
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.getSeconds();
    }

    /** An early-warning signal on a loan (a partner's report, a court record...); the catalogue says what follows. */
    @RegisterForReflection
    public record Signal(String signal, String on, String detail) {
    }

    @RegisterForReflection
    public record Signalled(String eventId, String loanId, String signal, LocalDate on, List<String> actions) {
    }

    @POST
    @Path("/loans/{loanId}/signals")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Recorded, with the actions it led to",
            content = @Content(schema = @Schema(implementation = Signalled.class)))
    public Response signal(@PathParam("loanId") String loanId, Signal body) {
        EarlyWarnings.Signal signal;
        try {
            signal = EarlyWarnings.Signal.valueOf(body == null || body.signal() == null ? "" : body.signal());
        } catch (IllegalArgumentException e) {
            throw new Problems.BadFieldException("/signal", "send one of " + Arrays.toString(EarlyWarnings.Signal.values()));
        }
        LocalDate on = body.on() == null ? LocalDate.now(clock) : LoansResource.date("on", body.on());
        if (Books.await(() -> books.loan(loanId)) == null) {
            throw new Problems.NotFoundException("no loan " + loanId);
        }
        LoanEvent event = Books.await(() -> events.signal(loanId, signal, on, body.detail()));
        List<String> actions = event.actions.isEmpty() ? List.of() : List.of(event.actions.split(","));
        return Response.status(Response.Status.CREATED)
                .entity(new Signalled(event.id, event.loanId, event.signal, event.occurredOn, actions)).build();
    }

    @GET
    @Path("/executions")
    public Workflow.Executions executions(@QueryParam("status") String status, @QueryParam("next") String next) {
        ExecutionStatus wanted = ExecutionStatus.fromValue(status == null ? "FAILED" : status);
        if (wanted == ExecutionStatus.UNKNOWN_TO_SDK_VERSION) {
            throw new Problems.BadFieldException("query:status", "send one of " + ExecutionStatus.knownValues());
        }
        return workflow.executions(wanted, next);
    }

    @GET
    @Path("/executions/{executionArn}")
    public List<Workflow.Event> execution(@PathParam("executionArn") String executionArn) {
        return workflow.history(executionArn)
                .orElseThrow(() -> new Problems.NotFoundException("no execution " + executionArn));
    }

    @RegisterForReflection
    public record Redriven(String executionArn, Instant redriveDate) {
    }

    /**
     * Step Functions' redrive: for an execution that stopped without reaching one of the workflow's own
     * ends (aborted, timed out, or failed where nothing caught it). A failure the workflow caught ends at
     * its Failed state, which a redrive would only repeat: that is what a replay is for.
     */
    @POST
    @Path("/executions/{executionArn}/redrive")
    @APIResponse(responseCode = "202", description = "The execution goes on from the step that did not succeed",
            content = @Content(schema = @Schema(implementation = Redriven.class)))
    public Response redrive(@PathParam("executionArn") String executionArn) {
        try {
            return Response.accepted(new Redriven(executionArn, workflow.redrive(executionArn))).build();
        } catch (ExecutionDoesNotExistException | InvalidArnException e) {
            throw new Problems.NotFoundException("no execution " + executionArn);
        } catch (ExecutionNotRedrivableException e) {
            throw new Problems.ConflictException("not-redrivable", "execution " + executionArn
                    + " cannot be redriven (it is running or has succeeded); to run a failed application again,"
                    + " replay it from the step that failed");
        }
    }

    @RegisterForReflection
    public record Replay(String reason) {
    }

    @RegisterForReflection
    public record Replayed(String applicationId, String from, String executionArn, String by) {
    }

    /**
     * A new execution for a failed application, from a named step: the steps before it are not run again,
     * their recorded results stand. Every step is idempotent on the application, so a replay never pays out
     * twice; and only a FAILED application is replayed, never a disbursed one.
     */
    @POST
    @Path("/applications/{applicationId}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "The replay's execution has started",
            content = @Content(schema = @Schema(implementation = Replayed.class)))
    public Response replay(@PathParam("applicationId") String id, @QueryParam("from") String from, Replay body) {
        ReplayPoint point = ReplayPoint.named(from == null ? "" : from).orElseThrow(() -> new Problems.BadFieldException(
                "query:from", "send the step to replay from, one of " + Arrays.toString(ReplayPoint.values())));
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new Problems.BadFieldException("/reason", "say why the application is replayed");
        }
        StoredApplication stored = store.find(id).orElseThrow(() -> new Problems.NotFoundException("no application " + id));
        if (stored.status() != ApplicationStatus.FAILED) {
            throw new Problems.ConflictException("not-failed", "application " + id + " is " + stored.status()
                    + ": only a FAILED application is replayed");
        }
        for (Step<?> step : point.needs()) {
            if (steps.recorded(stored, step).isEmpty()) {
                throw new Problems.ConflictException("replay-too-late", "application " + id + " has no recorded "
                        + step + " result: replay from an earlier step");
            }
        }
        if (point == ReplayPoint.QuoteRate && !approved(stored)) {
            throw new Problems.ConflictException("replay-too-late", "application " + id + " was not approved");
        }
        if (point == ReplayPoint.Disburse && !steps.result(stored, Step.ACCEPTANCE).accepted()) {
            throw new Problems.ConflictException("replay-too-late", "the borrower did not accept the offer of " + id);
        }
        Optional<String> previous = steps.recorded(stored, Step.REPLAY).map(org.microloan.workflow.Replay::executionArn);
        if (previous.filter(workflow::running).isPresent()) {
            throw new Problems.ConflictException("replay-running", "a replay of " + id + " is running: "
                    + previous.get());
        }
        String executionArn;
        try {
            executionArn = workflow.replay(id, stored.version(), point);
        } catch (ExecutionAlreadyExistsException e) {
            throw new Problems.ConflictException("replay-running", "a replay of " + id + " has just been started");
        }
        String by = jwt.getSubject();
        steps.record(stored, Step.REPLAY, new org.microloan.workflow.Replay(point, by, body.reason(), executionArn,
                clock.instant()));
        return Response.accepted(new Replayed(id, point.name(), executionArn, by)).build();
    }

    private boolean approved(StoredApplication stored) {
        return steps.result(stored, Step.SCORE).outcome() == Decision.Outcome.APPROVE
                || steps.recorded(stored, Step.REVIEW).map(org.microloan.workflow.Review::approved).orElse(false);
    }

    /** A notice to a partner as ops see it: where it stands, without its payload. */
    @RegisterForReflection
    public record Notice(String status, String partnerId, String messageId, String state, int attempts, String lastResult,
                         Instant lastAttemptAt, Instant nextAttemptAt) {
        static Notice of(PartnerNotice n) {
            return new Notice(n.status(), n.partnerId(), n.messageId(), n.state().name(), n.attempts(), n.lastResult(),
                    n.lastAttemptAt(), n.nextAttemptAt());
        }
    }

    @GET
    @Path("/applications/{applicationId}/notices")
    public List<Notice> notices(@PathParam("applicationId") String id) {
        if (store.find(id).isEmpty()) {
            throw new Problems.NotFoundException("no application " + id);
        }
        return notices.of(id).stream().map(Notice::of).toList();
    }

    /** Sends a status change to the partner again now, delivered or not; a failure gets a fresh day of retries. */
    @POST
    @Path("/applications/{applicationId}/notices/{status}/resend")
    public Notice resend(@PathParam("applicationId") String id, @PathParam("status") String status) {
        return delivery.resend(id, status, clock.instant()).map(Notice::of).orElseThrow(() -> new Problems.NotFoundException(
                "no notice of " + status + " for application " + id));
    }
}
