package org.microloan.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microloan.ledger.Books;
import org.microloan.ledger.LoanEvent;
import org.microloan.ledger.LoanEvents;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.EarlyWarnings;

/** Ops report early-warning signals on a loan; the catalogue says what follows. */
@Path("/v1/ops/loans/{loanId}/signals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.OPERATOR, Roles.SUPERVISOR})
public class LoanSignalsResource {

    private final Books books;
    private final LoanEvents events;
    private final Clock clock;

    public LoanSignalsResource(Books books, LoanEvents events, Clock clock) {
        this.books = books;
        this.events = events;
        this.clock = clock;
    }

    /** An early-warning signal on a loan (a partner's report, a court record...); the catalogue says what follows. */
    @RegisterForReflection
    public record Signal(String signal, String on, String detail) {
    }

    @RegisterForReflection
    public record Signalled(String eventId, String loanId, String signal, LocalDate on, List<String> actions) {
    }

    @Operation(summary = "Report an early-warning signal",
            description = "Records a signal on a loan (overdue, falling revenue, judicial record, applications elsewhere, "
                    + "mismatched fund flows) and answers 201 with the actions the catalogue gave it: freeze or cut "
                    + "the line, call in, flag for review.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Recorded, with the actions it led to",
            content = @Content(schema = @Schema(implementation = Signalled.class)))
    public Response signal(@PathParam("loanId") String loanId,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "revenue-drop",
                    summary = "A partner reports falling revenue",
                    value = "{\"signal\": \"REVENUE_DROP\", \"on\": \"2026-11-22\", \"detail\": \"monthly sales down 40% on the platform\"}"))) Signal body) {
        EarlyWarnings.Signal signal = RequestChoice.oneOf("/signal", EarlyWarnings.Signal.values(),
                body == null ? null : body.signal());
        LocalDate on = body.on() == null ? BusinessDate.today(clock) : RequestDate.parse("/on", body.on());
        if (Books.await(() -> books.loan(loanId)) == null) {
            throw new Problems.NotFoundException("no loan " + loanId);
        }
        LoanEvent event = Books.await(() -> events.signal(loanId, signal, on, body.detail()));
        List<String> actions = event.actions.isEmpty() ? List.of() : List.of(event.actions.split(","));
        return Response.status(Response.Status.CREATED)
                .entity(new Signalled(event.id, event.loanId, event.signal, event.occurredOn, actions)).build();
    }
}
