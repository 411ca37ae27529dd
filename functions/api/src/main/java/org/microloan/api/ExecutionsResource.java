package org.microloan.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microloan.decision.Decision;
import org.microloan.identity.Mask;
import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.PersonalExposure;
import org.microloan.origination.store.StoredApplication;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.BusinessDate;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ConcurrentUpdateException;
import org.microloan.workflow.OriginationWorkflow;
import org.microloan.workflow.ReplayPoint;
import org.microloan.workflow.Step;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;

/**
 * Ops watch the origination workflow and mend it: read executions with the failure each one's application
 * recorded, redrive one, replay a failed application, or do either to a batch chosen by error and date.
 */
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
    private final ObjectMapper json;

    public ExecutionsResource(JsonWebToken jwt, ApplicationStore store, StepContext steps, Workflow workflow, Clock clock,
                              PersonalExposure exposure, ApplicationIntake intake, ProductCatalogue products,
                              ObjectMapper json) {
        this.json = json;
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
                    + "ABORTED), newest first, a page of up to 100 at a time (`next` pages on). Each carries the failure "
                    + "its application recorded (error and cause, long digit runs starred) and the state its application "
                    + "is at or stopped in (Apply, VerifyIdentity, Score, QuoteRate, ManualReview, AwaitAcceptance, "
                    + "Disburse, Declined, Expired, Disbursed). `state` keeps those in that state, `error` those with "
                    + "that error; `since` and `until` (China dates, both included) those started on those days.")
    @GET
    @Path("/executions")
    public Workflow.Executions executions(@QueryParam("status") String status, @QueryParam("next") String next,
                                          @QueryParam("error") String error, @QueryParam("since") String since,
                                          @QueryParam("until") String until, @QueryParam("state") String state) {
        ExecutionStatus wanted = ExecutionStatus.fromValue(status == null ? "FAILED" : status);
        if (wanted == ExecutionStatus.UNKNOWN_TO_SDK_VERSION) {
            throw new Problems.BadFieldException("query:status", "send one of " + ExecutionStatus.knownValues());
        }
        LocalDate from = day("since", since);
        LocalDate to = day("until", until);
        Workflow.Executions page = workflow.executions(wanted, next);
        Map<String, StoredApplication> applications = store.findAll(page.executions().stream()
                .map(Workflow.Execution::applicationId).toList());
        List<Workflow.Execution> kept = new ArrayList<>();
        for (Workflow.Execution e : page.executions()) {
            StoredApplication application = applications.get(e.applicationId());
            Workflow.Execution withFailure = failure(application)
                    .map(f -> e.failed(f.path("Error").asText(null), Mask.digitRuns(said(f.path("Cause").asText(null)))))
                    .orElse(e);
            if (application != null) {
                withFailure = withFailure.at(OriginationWorkflow.stateOf(application.status(),
                        step -> application.results().containsKey(step.key())));
            }
            LocalDate started = BusinessDate.of(e.started());
            if ((error == null || error.equals(withFailure.error())) && (state == null || state.equals(withFailure.state()))
                    && (from == null || !started.isBefore(from)) && (to == null || !started.isAfter(to))) {
                kept.add(withFailure);
            }
        }
        return new Workflow.Executions(kept, page.next());
    }

    private static LocalDate day(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Problems.BadFieldException("query:" + name, "send a date as 2026-11-30");
        }
    }

    /** A Lambda function's error as its message, without the stack trace Lambda puts beside it. */
    private String said(String cause) {
        if (cause == null || !cause.startsWith("{")) {
            return cause;
        }
        try {
            return json.readTree(cause).path("errorMessage").asText(cause);
        } catch (JsonProcessingException e) {
            return cause;
        }
    }

    /** The failure the workflow recorded on the application ({"Error", "Cause"}), if it failed. */
    private Optional<JsonNode> failure(StoredApplication application) {
        if (application == null || application.workflowFailure() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(application.workflowFailure()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Operation(summary = "The origination workflow's definition",
            description = "The state machine as deployed (the ASL file, before the deployment's ARNs are put in), for "
                    + "drawing an execution's path over it.")
    @GET
    @Path("/workflows/origination/definition")
    @APIResponse(responseCode = "200", description = "The Amazon States Language definition",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT,
                    description = "Amazon States Language: StartAt, States")))
    public Response definition() throws JsonProcessingException {
        return Response.ok(json.readTree(OriginationWorkflow.definition())).build();
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
        return Response.accepted(redriveOne(executionArn)).build();
    }

    private Redriven redriveOne(String executionArn) {
        try {
            return new Redriven(executionArn, workflow.redrive(executionArn));
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
        ReplayPoint point = replayPoint("query:from", from);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new Problems.BadFieldException("/reason", "say why the application is replayed");
        }
        return Response.accepted(replayOne(id, point, body.reason())).build();
    }

    private static ReplayPoint replayPoint(String field, String from) {
        return ReplayPoint.named(from == null ? "" : from).orElseThrow(() -> new Problems.BadFieldException(
                field, "send the step to replay from, one of " + Arrays.toString(ReplayPoint.values())));
    }

    private Replayed replayOne(String id, ReplayPoint point, String reason) {
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
        steps.record(stored, Step.REPLAY, new org.microloan.workflow.Replay(point, by, reason, executionArn,
                clock.instant()));
        return new Replayed(id, point.name(), executionArn, by);
    }

    /** The most executions one batch call takes: a console shows progress by sending a selection in such calls. */
    static final int BATCH_MOST = 25;

    /** Replay (from a step) or redrive each of the executions, saying why. */
    @RegisterForReflection
    public record Batch(String action, String from, String reason, List<String> executions) {
    }

    /** What became of one execution of a batch: REPLAYED or REDRIVEN (with the execution that goes on), or REFUSED and why. */
    @RegisterForReflection
    public record Outcome(String executionArn, String applicationId, String outcome, String executionNow, String problem,
                          String detail) {
    }

    @RegisterForReflection
    public record BatchDone(String action, int done, int refused, List<Outcome> outcomes) {
    }

    @Operation(summary = "Replay or redrive a batch of executions",
            description = "Up to 25 executions (chosen, say, from the FAILED ones with one error on one day) replayed from "
                    + "the step `from` or redriven, with one reason. Each is tried on its own and answered in order: "
                    + "REPLAYED or REDRIVEN with the execution that now runs, or REFUSED with the problem type and detail "
                    + "a single call would have given (not-failed, replay-running, not-redrivable, ...). The console sends "
                    + "a larger selection in such calls and shows the progress.")
    @POST
    @Path("/executions/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public BatchDone batch(@RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "replay", summary = "The bureau was down for the night",
            value = "{\"action\": \"REPLAY\", \"from\": \"Score\", \"reason\": \"the bureau was down from 02:00 to 03:10\", "
                    + "\"executions\": [\"arn:aws:states:cn-north-1:123456789012:execution:origination:3f6c...\"]}")))
                           Batch batch) {
        if (batch == null || !("REPLAY".equals(batch.action()) || "REDRIVE".equals(batch.action()))) {
            throw new Problems.BadFieldException("/action", "send REPLAY or REDRIVE");
        }
        ReplayPoint point = "REPLAY".equals(batch.action()) ? replayPoint("/from", batch.from()) : null;
        if (batch.reason() == null || batch.reason().isBlank()) {
            throw new Problems.BadFieldException("/reason", "say why these executions run again");
        }
        if (batch.executions() == null || batch.executions().isEmpty() || batch.executions().size() > BATCH_MOST
                || batch.executions().stream().anyMatch(arn -> arn == null || !arn.startsWith("arn:"))) {
            throw new Problems.BadFieldException("/executions", "send 1 to " + BATCH_MOST + " execution ARNs");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String arn : batch.executions()) {
            String id = Workflow.applicationOf(arn.substring(arn.lastIndexOf(':') + 1));
            try {
                outcomes.add(point != null
                        ? new Outcome(arn, id, "REPLAYED", replayOne(id, point, batch.reason()).executionArn(), null, null)
                        : new Outcome(arn, id, "REDRIVEN", redriveOne(arn).executionArn(), null, null));
            } catch (Problems.ConflictException e) {
                outcomes.add(new Outcome(arn, id, "REFUSED", null, e.type, e.getMessage()));
            } catch (Problems.NotFoundException e) {
                outcomes.add(new Outcome(arn, id, "REFUSED", null, "not-found", e.getMessage()));
            } catch (ConcurrentUpdateException e) {
                outcomes.add(new Outcome(arn, id, "REFUSED", null, "concurrent-update", "changed by another request: "
                        + "send it again"));
            }
        }
        int refused = (int) outcomes.stream().filter(o -> o.outcome().equals("REFUSED")).count();
        return new BatchDone(batch.action(), outcomes.size() - refused, refused, outcomes);
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
