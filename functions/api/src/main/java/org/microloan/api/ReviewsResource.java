package org.microloan.api;

import java.time.Clock;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.PersonalExposure;
import org.microloan.origination.store.StoredApplication;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.Step;
import org.microloan.workflow.TaskToken;

/** Ops decide the applications the scorecard referred to a person, and say why. */
@Path("/v1/ops/reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ops")
public class ReviewsResource {

    private final JsonWebToken jwt;
    private final ApplicationStore store;
    private final StepContext steps;
    private final PersonalExposure exposure;
    private final ApplicationIntake intake;
    private final Workflow workflow;
    private final Clock clock;

    public ReviewsResource(JsonWebToken jwt, ApplicationStore store, StepContext steps, PersonalExposure exposure,
                           ApplicationIntake intake, Workflow workflow, Clock clock) {
        this.jwt = jwt;
        this.store = store;
        this.steps = steps;
        this.exposure = exposure;
        this.intake = intake;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** A person's decision on a referred application, and why. */
    @RegisterForReflection
    public record Review(Boolean approve, String reason) {
    }

    @RegisterForReflection
    public record Reviewed(String applicationId, String status, String reviewer) {
    }

    @Operation(summary = "Decide a referred application",
            description = "A person approves or declines an application the scorecard referred, saying why (the borrower "
                    + "may ask: PIPL art. 24). The waiting workflow is answered once; a second decision is 409.")
    @POST
    @Path("/{applicationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Reviewed review(@PathParam("applicationId") String id,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "approve",
                    summary = "Approve after checking income",
                    value = "{\"approve\": true, \"reason\": \"income confirmed with the tax bureau\"}"))) Review review) {
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
            exposure.release(stored);
        } else {
            steps.record(stored, Step.REVIEW, decision);
        }
        workflow.answer(token, Map.of("approved", review.approve(), "reviewer", reviewer));
        return new Reviewed(id, review.approve() ? ApplicationStatus.IN_REVIEW.name() : ApplicationStatus.DECLINED.name(),
                reviewer);
    }
}
