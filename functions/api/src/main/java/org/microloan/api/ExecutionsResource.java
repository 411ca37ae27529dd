package org.microloan.api;

import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.product.ProductCatalogue;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.PersonalExposure;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microloan.decision.Decision;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.StoredApplication;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ReplayPoint;
import org.microloan.workflow.Step;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;

/** Ops watch the origination workflow and mend it: read executions, redrive one, replay a failed application. */
@Path("/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class ExecutionsResource {

    private final JsonWebToken jwt;
    private final ApplicationStore store;
    private final StepContext steps;
    private final Workflow workflow;
    private final Clock clock;
    private final PersonalExposure exposure;
    private final ApplicationIntake intake;
    private final ProductCatalogue products;

    public ExecutionsResource(JsonWebToken jwt, ApplicationStore store, StepContext steps, Workflow workflow, Clock clock,
                              PersonalExposure exposure, ApplicationIntake intake, ProductCatalogue products) {
        this.exposure = exposure;
        this.intake = intake;
        this.products = products;
        this.jwt = jwt;
        this.store = store;
        this.steps = steps;
        this.workflow = workflow;
        this.clock = clock;
    }

    @Operation(summary = "List workflow executions",
            description = "The origination workflow's executions in a status (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, "
                    + "ABORTED), newest first; `next` pages on.")
    @GET
    @Path("/executions")
    public Workflow.Executions executions(@QueryParam("status") String status, @QueryParam("next") String next) {
        ExecutionStatus wanted = ExecutionStatus.fromValue(status == null ? "FAILED" : status);
        if (wanted == ExecutionStatus.UNKNOWN_TO_SDK_VERSION) {
            throw new Problems.BadFieldException("query:status", "send one of " + ExecutionStatus.knownValues());
        }
        return workflow.executions(wanted, next);
    }

    @Operation(summary = "Read an execution's history",
            description = "The states an execution went through and the errors it met, without payloads; long digit runs "
                    + "in a cause are starred. An unknown execution is 404.")
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
    @Operation(summary = "Redrive an execution",
            description = "Step Functions' redrive: the execution goes on from the state that did not succeed (an aborted "
                    + "or timed-out one). An execution that ended at the workflow's Failed state is 409: replay the "
                    + "application instead.")
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
    @Operation(summary = "Replay a failed application",
            description = "A new execution for a FAILED application, entering at the named step (`from`: Apply, "
                    + "VerifyIdentity, Score, QuoteRate or Disburse); the steps before it keep their recorded results. "
                    + "Say why. One replay runs at a time; a step whose earlier results are missing is 409. Past Apply "
                    + "the application takes its room under the person's limit again: 409 exposure-limit when the "
                    + "person's other loans and offers have taken it meanwhile.")
    @POST
    @Path("/applications/{applicationId}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "The replay's execution has started",
            content = @Content(schema = @Schema(implementation = Replayed.class)))
    public Response replay(@PathParam("applicationId") String id, @QueryParam("from") String from,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "bureau-back",
                    summary = "The bureau was down",
                    value = "{\"reason\": \"the bureau was down from 02:00 to 03:10\"}"))) Replay body) {
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
        if (point != ReplayPoint.Apply) {
            holdRoomAgain(stored);
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

    /**
     * A failed application's room may have gone to the person's other applications meanwhile: past the apply
     * step (which reserves it itself) the replay takes it again within the limit, or is refused.
     */
    private void holdRoomAgain(StoredApplication stored) {
        ApplicationForm facts = intake.facts(stored);
        Money amount = steps.recorded(stored, Step.QUOTE_RATE).map(offer -> Money.of(offer.amount()))
                .orElse(Money.of(facts.amount()));
        Money limit = products.get(facts.productCode()).outstandingLimit();
        if (!exposure.reserve(stored, amount, limit)) {
            throw new Problems.ConflictException("exposure-limit", "the borrower's loans and open offers leave no room "
                    + "for " + amount + " within the limit of " + limit + ": application " + stored.applicationId()
                    + " cannot be replayed now");
        }
    }

    private boolean approved(StoredApplication stored) {
        return steps.result(stored, Step.SCORE).outcome() == Decision.Outcome.APPROVE
                || steps.recorded(stored, Step.REVIEW).map(org.microloan.workflow.Review::approved).orElse(false);
    }
}
