package org.microloan.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microloan.configuration.Settings;
import org.microloan.decision.MakerChecker;
import org.microloan.decision.Reason;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.intake.MaskedForm.MaskedPersonal;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.PersonalExposure;
import org.microloan.origination.store.StoredApplication;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ReviewProposal;
import org.microloan.workflow.ScoreResult;
import org.microloan.workflow.Step;
import org.microloan.workflow.TaskToken;

/**
 * The review queue: the applications the scorecard referred to a person, and their decisions. Above the
 * configured amount a decision is made by two people (maker-checker): the first decides, a second confirms it
 * or sends it back, and nobody confirms their own.
 */
@Path("/v1/ops/reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.SUPERVISOR})
public class ReviewsResource {

    private final JsonWebToken jwt;
    private final ApplicationStore store;
    private final StepContext steps;
    private final PersonalExposure exposure;
    private final ApplicationIntake intake;
    private final Workflow workflow;
    private final Clock clock;
    private final Duration target;
    private final MakerChecker makerChecker;

    public ReviewsResource(JsonWebToken jwt, ApplicationStore store, StepContext steps, PersonalExposure exposure,
                           ApplicationIntake intake, Workflow workflow, Clock clock, Settings settings) {
        this.jwt = jwt;
        this.store = store;
        this.steps = steps;
        this.exposure = exposure;
        this.intake = intake;
        this.workflow = workflow;
        this.clock = clock;
        this.target = settings.review().target();
        this.makerChecker = new MakerChecker(Money.of(settings.review().secondPersonAbove()));
    }

    /** A person's decision on a referred application, and why. */
    @RegisterForReflection
    public record Review(Boolean approve, String reason) {
    }

    /** The second person's answer to a decision that needs two: agree, or send it back, saying why. */
    @RegisterForReflection
    public record Confirmation(Boolean agree, String reason) {
    }

    /**
     * Where the application stands after a decision: {@code DECLINED}, {@code IN_REVIEW} with the workflow going
     * on (approved), or {@code AWAITING_CONFIRMATION} when a second person must confirm.
     */
    @RegisterForReflection
    public record Reviewed(String applicationId, String status, String reviewer, String confirmedBy) {
    }

    /** One application in the queue, as a reviewer decides it: personal data masked. */
    @RegisterForReflection
    public record Waiting(String applicationId, long version, String product, String amount, Instant waitingSince,
                          long secondsLeft, boolean overdue, ScoreView score, List<Reason> reasons,
                          MaskedPersonal borrower, History history, boolean needsSecondPerson,
                          ReviewProposal proposal) {
    }

    @RegisterForReflection
    public record ScoreView(Integer score, String grade, BigDecimal pd, String modelVersion) {
    }

    /** The borrower with the lender before this application: what they applied for and borrowed, and what they hold now. */
    @RegisterForReflection
    public record History(int applicationsBefore, int loans, String exposureBesides) {
    }

    @Operation(summary = "The review queue",
            description = "The applications waiting for a person, the longest waiting first, each with the time left "
                    + "to the decision target (microloan.review.target, an hour), the score and its reasons (the rules "
                    + "that referred it), the borrower's masked data and history with the lender, whether a second "
                    + "person must confirm (above microloan.review.second-person-above), and a decision waiting for "
                    + "that person. `version` goes back as If-Match with the decision.")
    @GET
    public List<Waiting> queue() {
        Instant now = clock.instant();
        // an approval stays IN_REVIEW until the workflow quotes it: decided, it is no longer waiting for a person
        return store.waitingForReview().stream()
                .filter(w -> steps.recorded(w.application(), Step.REVIEW).isEmpty())
                .map(w -> waiting(w.application(), w.since(), now)).toList();
    }

    private Waiting waiting(StoredApplication a, Instant since, Instant now) {
        ApplicationForm form = intake.facts(a);
        ScoreResult score = steps.recorded(a, Step.SCORE).orElse(null);
        long left = Duration.between(now, since.plus(target)).toSeconds();
        List<StoredApplication> before = store.ofBorrower(a.borrowerId()).stream()
                .filter(o -> o.createdAt().isBefore(a.createdAt())).toList();
        return new Waiting(a.applicationId(), a.version(), form.productCode(), form.amount(), since, left, left < 0,
                score == null ? null : new ScoreView(score.score(), score.grade() == null ? null : score.grade().name(),
                        score.pd(), score.modelVersion()),
                score == null ? List.of() : score.reasons().stream().map(Reason::ofCode).toList(),
                intake.masked(a).personal(),
                new History(before.size(), store.loansOf(a.borrowerId()).size(), exposure.besides(a).toString()),
                makerChecker.needsSecondPerson(Money.of(form.amount())),
                steps.recorded(a, Step.REVIEW_PROPOSAL).filter(ReviewProposal::pending).orElse(null));
    }

    @Operation(summary = "Decide a referred application",
            description = "A person approves or declines an application the scorecard referred, saying why (the borrower "
                    + "may ask: PIPL art. 24). Up to microloan.review.second-person-above the decision is final and the "
                    + "waiting workflow is answered once (200). Above it the decision waits for a second person "
                    + "(202, AWAITING_CONFIRMATION): see /confirmation. With If-Match (the version the queue showed), a "
                    + "decision on an application that has changed since is 412 stale-decision. A second decision is 409.")
    @APIResponse(responseCode = "200", description = "Decided: DECLINED, or IN_REVIEW while the workflow goes on to the offer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reviewed.class)))
    @APIResponse(responseCode = "202", description = "AWAITING_CONFIRMATION: a second person confirms or sends it back",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reviewed.class)))
    @POST
    @Path("/{applicationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response review(@PathParam("applicationId") String id,
            @Parameter(description = "the version the decision was made on, as the queue showed it")
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "approve",
                    summary = "Approve after checking income",
                    value = "{\"approve\": true, \"reason\": \"income confirmed with the tax bureau\"}"))) Review review) {
        if (review == null || review.approve() == null) {
            throw new Problems.BadFieldException("/approve", "send true to approve, false to decline");
        }
        String reason = said(review.reason());
        StoredApplication stored = waitingOne(id, ifMatch);
        if (steps.recorded(stored, Step.REVIEW_PROPOSAL).filter(ReviewProposal::pending).isPresent()) {
            throw new Problems.ConflictException("awaiting-confirmation", "application " + id
                    + " has a decision waiting for a second person: confirm it or send it back");
        }
        String reviewer = jwt.getSubject();
        if (makerChecker.needsSecondPerson(Money.of(intake.facts(stored).amount()))) {
            steps.record(stored, Step.REVIEW_PROPOSAL, ReviewProposal.of(review.approve(), reviewer, reason, clock.instant()));
            return Response.accepted(new Reviewed(id, "AWAITING_CONFIRMATION", reviewer, null)).build();
        }
        return Response.ok(decide(stored, new org.microloan.workflow.Review(review.approve(), reviewer, reason,
                clock.instant()))).build();
    }

    @Operation(summary = "Confirm or send back a decision that needs two people",
            description = "The second person (a reviewer or supervisor who did not make the decision: 403 own-decision) "
                    + "agrees, and the decision is final with both names; or does not, saying why, and the application "
                    + "waits in the queue for a new decision. Nothing waiting for confirmation is 409 nothing-to-confirm.")
    @POST
    @Path("/{applicationId}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Reviewed confirm(@PathParam("applicationId") String id,
            @Parameter(description = "the version the confirmation was made on, as the queue showed it")
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "agree",
                    summary = "Agree with the first reviewer",
                    value = "{\"agree\": true, \"reason\": \"tax record matches the income\"}"))) Confirmation confirmation) {
        if (confirmation == null || confirmation.agree() == null) {
            throw new Problems.BadFieldException("/agree", "send true to confirm the decision, false to send it back");
        }
        String reason = said(confirmation.reason());
        StoredApplication stored = waitingOne(id, ifMatch);
        ReviewProposal proposal = steps.recorded(stored, Step.REVIEW_PROPOSAL).filter(ReviewProposal::pending)
                .orElseThrow(() -> new Problems.ConflictException("nothing-to-confirm", "application " + id
                        + " has no decision waiting for a second person"));
        String checker = jwt.getSubject();
        if (!MakerChecker.mayCheck(proposal.maker(), checker)) {
            throw new Problems.RuleException("own-decision", "nobody confirms their own decision: another reviewer or a "
                    + "supervisor confirms or sends back this one");
        }
        if (!confirmation.agree()) {
            steps.record(stored, Step.REVIEW_PROPOSAL, proposal.returned(checker, reason, clock.instant()));
            return new Reviewed(id, ApplicationStatus.IN_REVIEW.name(), proposal.maker(), null);
        }
        return decide(stored, proposal.confirmed(checker, reason));
    }

    private static String said(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Problems.BadFieldException("/reason", "say why: the borrower may ask (PIPL art. 24)");
        }
        return reason;
    }

    /** The application, if it still waits for a person, and is as the caller last saw it when they say so. */
    private StoredApplication waitingOne(String id, String ifMatch) {
        StoredApplication stored = store.find(id).orElseThrow(() -> new Problems.NotFoundException("no application " + id));
        if (stored.status() != ApplicationStatus.IN_REVIEW) {
            throw new Problems.ConflictException("not-in-review", "application " + id + " is " + stored.status()
                    + ", not waiting for a review");
        }
        if (steps.recorded(stored, Step.REVIEW).isPresent()) {
            // an approval leaves the status to the workflow's next step: the token is spent already
            throw new Problems.ConflictException("already-reviewed", "application " + id
                    + " is reviewed already; its workflow is going on");
        }
        if (ifMatch != null && !ifMatch.replace("\"", "").strip().equals(Long.toString(stored.version()))) {
            throw new Problems.StaleException("application " + id + " has changed since version " + ifMatch
                    + " (it is at " + stored.version() + "): read the queue again and decide on what it shows now");
        }
        return stored;
    }

    /** The final decision: recorded, the workflow answered once, a decline's room under the limit given back. */
    private Reviewed decide(StoredApplication stored, org.microloan.workflow.Review decision) {
        String token = steps.recorded(stored, Step.REVIEW_TOKEN).map(TaskToken::taskToken)
                .orElseThrow(() -> new Problems.ConflictException("not-in-review", "the workflow is not waiting on "
                        + stored.applicationId()));
        if (!decision.approved()) {
            steps.advance(stored, ApplicationStatus.DECLINED, Step.REVIEW, decision);
            exposure.release(stored);
        } else {
            steps.record(stored, Step.REVIEW, decision);
        }
        workflow.answer(token, Map.of("approved", decision.approved(), "reviewer", decision.reviewer()));
        return new Reviewed(stored.applicationId(), decision.approved() ? ApplicationStatus.IN_REVIEW.name()
                : ApplicationStatus.DECLINED.name(), decision.reviewer(), decision.confirmedBy());
    }
}
