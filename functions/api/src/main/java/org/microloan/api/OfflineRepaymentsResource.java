package org.microloan.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

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
import org.microloan.configuration.Settings;
import org.microloan.ledger.Books;
import org.microloan.ledger.CollectionRecord;
import org.microloan.ledger.Loan;
import org.microloan.ledger.RepaymentPosted;
import org.microloan.ledger.Repayments;
import org.microloan.money.Money;
import org.microloan.moneyin.RailCollections;
import org.microloan.schedule.BusinessDate;

/**
 * Money that reached the lender another way (a bank transfer, 对公转账) is posted by ops only: with the bank's
 * reference, a value date neither in the future nor before the payout nor older than the configured
 * window, a reason, and who did it. Once per bank reference of the loan.
 */
@Path("/v1/ops/loans/{loanId}/repayments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class OfflineRepaymentsResource {

    private final JsonWebToken jwt;
    private final Books books;
    private final RailCollections rail;
    private final Repayments repayments;
    private final Settings settings;
    private final Clock clock;

    public OfflineRepaymentsResource(JsonWebToken jwt, Books books, RailCollections rail, Repayments repayments,
                                     Settings settings, Clock clock) {
        this.jwt = jwt;
        this.books = books;
        this.rail = rail;
        this.repayments = repayments;
        this.settings = settings;
        this.clock = clock;
    }

    @RegisterForReflection
    public record OfflineRepayment(String amount, String bankReference, String valueDate, String reason) {
    }

    @Operation(summary = "Post money received another way",
            description = "Books money the lender received outside the rail (a bank transfer): the bank's reference, the "
                    + "value date (not in the future, not before the payout, at most the configured days back, 30 by "
                    + "default), the amount and a reason; who posted it is recorded. The same bank reference on the "
                    + "same loan answers the first posting.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = RepaymentView.class)))
    public Response post(@PathParam("loanId") String loanId,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "transfer",
                    summary = "A transfer seen on the bank statement",
                    value = "{\"amount\": \"1066.19\", \"bankReference\": \"ICBC-20261201-000417\", \"valueDate\": "
                            + "\"2026-12-01\", \"reason\": \"borrower paid by transfer to the lender's account\"}")))
            OfflineRepayment body) {
        Loan loan = Books.await(() -> books.loan(loanId));
        if (loan == null) {
            throw new Problems.NotFoundException("no loan " + loanId);
        }
        if (body == null) {
            throw new Problems.BadFieldException("", "send amount, bankReference, valueDate and reason");
        }
        Money amount = RequestAmount.positive("/amount", body.amount());
        if (body.bankReference() == null || body.bankReference().isBlank()) {
            throw new Problems.BadFieldException("/bankReference", "send the bank's reference of the transfer");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw new Problems.BadFieldException("/reason", "say why this money is posted by hand");
        }
        LocalDate valueDate = RequestDate.parse("/valueDate", body.valueDate());
        LocalDate today = BusinessDate.today(clock);
        LocalDate earliest = today.minusDays(settings.servicing().offlineValueDateWindowDays());
        if (valueDate.isAfter(today) || valueDate.isBefore(loan.startDate) || valueDate.isBefore(earliest)) {
            LocalDate from = earliest.isAfter(loan.startDate) ? earliest : loan.startDate;
            throw new Problems.RefusedException("value-date", "/valueDate", "send a value date from " + from + " to "
                    + today + " (not in the future, not before the payout, at most "
                    + settings.servicing().offlineValueDateWindowDays() + " days back), not " + valueDate);
        }
        CollectionRecord c = rail.receivedOffline(loanId, amount, valueDate, body.bankReference(), body.reason(),
                jwt.getSubject());
        RepaymentPosted posted = Books.await(() -> repayments.posted(c.transactionId));
        return Response.created(URI.create("/v1/loans/" + loanId + "/repayments/" + c.id))
                .entity(RepaymentView.of(c, posted)).build();
    }
}
