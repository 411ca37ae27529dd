package org.microloan.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.microloan.schedule.BusinessDate;

/**
 * Ops start the servicing run for a business date the scheduler missed (or to run one again: every page is
 * idempotent for its day). The run is an execution of the servicing state machine like the scheduler's.
 */
@Path("/v1/ops/servicing-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class ServicingRunsResource {

    private static final Logger LOG = Logger.getLogger(ServicingRunsResource.class);

    private final JsonWebToken jwt;
    private final Workflow workflow;
    private final Clock clock;

    public ServicingRunsResource(JsonWebToken jwt, Workflow workflow, Clock clock) {
        this.jwt = jwt;
        this.workflow = workflow;
        this.clock = clock;
    }

    @RegisterForReflection
    public record RunRequest(String businessDate, String reason) {
    }

    @RegisterForReflection
    public record Started(String executionArn, String businessDate, String by) {
    }

    @Operation(summary = "Start the servicing run for a business date",
            description = "`{\"businessDate\": \"2026-11-30\", \"reason\"}`: the daily run (accrual, classification, "
                    + "reminders, auto-debits, the quarter's line reviews) for a date up to today in China time, as "
                    + "an execution of the servicing state machine; read it at /v1/ops/executions/{arn}. A date after "
                    + "today is 422.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(schema = @Schema(implementation = Started.class)))
    public Response start(@RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "missed", summary = "The scheduler missed a day",
            value = "{\"businessDate\": \"2026-11-30\", \"reason\": \"the schedule was disabled during the migration\"}")))
                          RunRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new Problems.BadFieldException("/reason", "say why the run is started by hand");
        }
        LocalDate date = RequestDate.parse("/businessDate", request.businessDate());
        LocalDate today = BusinessDate.today(clock);
        if (date.isAfter(today)) {
            throw new Problems.RefusedException("future-business-date", "/businessDate", "send " + today
                    + " (today in China time) or an earlier date: a run of " + date + " would book days not yet lived");
        }
        String by = jwt.getSubject();
        String arn = workflow.startServicing("servicing-" + date + "-by-hand-" + UUID.randomUUID().toString().substring(0, 8),
                date, clock.instant());
        LOG.infof("servicing run of %s started by %s: %s", date, by, request.reason());
        return Response.accepted(new Started(arn, date.toString(), by)).build();
    }
}
