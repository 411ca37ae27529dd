package org.microloan.api;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microloan.ledger.AgencyHandover;
import org.microloan.ledger.AgencyHandovers;
import org.microloan.ledger.Books;
import org.microloan.money.Money;

/**
 * A loan beyond negotiation is handed to a licensed agency on the whitelist, once, with a reason; the hand-over
 * records what the loan owed and which fields went with it (the loan's reference, the borrower's name and mobile,
 * the amount owed and the days past due: nothing more).
 */
@Path("/v1/ops/loans/{loanId}/handover")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.SUPERVISOR})
public class AgencyHandoverResource {

    private final JsonWebToken jwt;
    private final Books books;
    private final AgencyHandovers handovers;

    public AgencyHandoverResource(JsonWebToken jwt, Books books, AgencyHandovers handovers) {
        this.jwt = jwt;
        this.books = books;
        this.handovers = handovers;
    }

    @RegisterForReflection
    public record HandoverRequest(String agency, String reason) {
    }

    /** @param dataHandedOver the names of the fields the agency was given, never their values */
    @RegisterForReflection
    public record Handover(String loanId, String agency, String agencyName, Instant handedAt, String handedBy, String reason,
                           long daysPastDue, String owed, List<String> dataHandedOver) {

        static Handover of(AgencyHandover h, AgencyHandovers handovers) {
            return new Handover(h.loanId, h.agency, handovers.nameOf(h.agency), h.handedAt, h.handedBy, h.reason,
                    h.daysPastDue, Money.ofFen(h.owedFen).toString(), Arrays.asList(h.dataFields.split(",")));
        }
    }

    @Operation(summary = "Hand a loan to a collection agency",
            description = "Hands a loan more than 30 days past due (configuration) to an agency on the whitelist (see "
                    + "GET /v1/ops/collections/agencies), with a reason, once. Refused: 422 not-on-whitelist, 409 "
                    + "not-beyond-negotiation, 409 already-with-agency, 409 loan-settled.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Handed over",
            content = @Content(schema = @Schema(implementation = Handover.class)))
    public Response handOver(@PathParam("loanId") String loanId,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "agency",
                    summary = "Beyond negotiation",
                    value = "{\"agency\": \"huaxin\", \"reason\": \"45 days past due, two promises broken\"}")))
            HandoverRequest body) {
        if (Books.await(() -> books.loan(loanId)) == null) {
            throw new Problems.NotFoundException("no loan " + loanId);
        }
        if (body == null || body.agency() == null || body.agency().isBlank()) {
            throw new Problems.BadFieldException("/agency", "send the agency's id from GET /v1/ops/collections/agencies");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw new Problems.BadFieldException("/reason", "say why the loan goes to an agency");
        }
        AgencyHandovers.Outcome outcome = Books.await(() -> handovers.handOver(loanId, body.agency(), body.reason(),
                jwt.getSubject()));
        if (outcome instanceof AgencyHandovers.Outcome.Refused refused) {
            if (refused.code().equals("not-on-whitelist")) {
                throw new Problems.RefusedException(refused.code(), "/agency", refused.why());
            }
            throw new Problems.ConflictException(refused.code(), refused.why());
        }
        return Response.created(URI.create("/v1/ops/loans/" + loanId + "/handover"))
                .entity(Handover.of(((AgencyHandovers.Outcome.HandedOver) outcome).handover(), handovers)).build();
    }
}
