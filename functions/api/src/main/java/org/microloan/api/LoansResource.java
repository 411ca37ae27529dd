package org.microloan.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.microloan.ledger.Books;
import org.microloan.ledger.Loan;
import org.microloan.ledger.LoanState;
import org.microloan.ledger.Repayment;
import org.microloan.ledger.RepaymentPosted;
import org.microloan.ledger.Repayments;
import org.microloan.money.Money;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.PrepaymentChoice;

/** The borrower's loans: their state, schedule and pay-off from the books, and repaying. Only their own. */
@Path("/v1/loans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("borrower")
public class LoansResource {

    private final JsonWebToken jwt;
    private final ApplicationStore store;
    private final Books books;
    private final Repayments repayments;
    private final Clock clock;

    public LoansResource(JsonWebToken jwt, ApplicationStore store, Books books, Repayments repayments, Clock clock) {
        this.jwt = jwt;
        this.store = store;
        this.books = books;
        this.repayments = repayments;
        this.clock = clock;
    }

    @RegisterForReflection
    public record ScheduleLine(int number, LocalDate dueDate, String principal, String interest, String paidPrincipal,
                               String paidInterest, String penaltyInterest, LocalDate settledOn) {
    }

    @RegisterForReflection
    public record RepaymentRequest(String amount, LocalDate on, PrepaymentChoice choice) {
    }

    @Operation(summary = "List my loans",
            description = "The signed-in borrower's loans as they stand today (China time): outstanding principal, what is "
                    + "due, days past due, the five-tier class.")
    @GET
    public List<LoanState> loans() {
        LocalDate today = BusinessDate.today(clock);
        return store.loansOf(jwt.getSubject()).stream().map(id -> Books.await(() -> books.state(id, today))).toList();
    }

    @Operation(summary = "Read a loan",
            description = "One of the borrower's loans as it stands today; another borrower's loan is 404.")
    @GET
    @Path("/{id}")
    public LoanState loan(@PathParam("id") String id) {
        owned(id);
        return Books.await(() -> books.state(id, BusinessDate.today(clock)));
    }

    @Operation(summary = "Read a loan's schedule",
            description = "Every installment with its due date, principal, interest, penalty interest and what has been "
                    + "paid of each.")
    @GET
    @Path("/{id}/schedule")
    public List<ScheduleLine> schedule(@PathParam("id") String id) {
        return owned(id).account().installments().stream()
                .map(i -> new ScheduleLine(i.number(), i.dueDate(), i.principal().toString(), i.interest().toString(),
                        i.paidPrincipal().toString(), i.paidInterest().toString(), i.penaltyDue().toString(),
                        i.settledOn().orElse(null)))
                .toList();
    }

    @Operation(summary = "Quote the pay-off",
            description = "What settles the loan on a day (`on`, YYYY-MM-DD): overdue installments with penalty interest, "
                    + "the interest accrued to the day, the principal not yet due and any prepayment penalty under the "
                    + "cap.")
    @GET
    @Path("/{id}/payoff")
    public LoanState payoff(@PathParam("id") String id, @QueryParam("on") String on) {
        owned(id);
        LocalDate day = RequestDate.parse("on", on);
        return Books.await(() -> books.state(id, day));
    }

    @Operation(summary = "Repay",
            description = "Books a repayment, allocated penalty interest first, then overdue interest and principal, then "
                    + "current; anything beyond what is due prepays (`choice`: SHORTEN_TERM or LOWER_INSTALLMENT). "
                    + "More than the pay-off is 422 with the figure; a settled loan is 409.")
    @POST
    @Path("/{id}/repayments")
    @Consumes(MediaType.APPLICATION_JSON)
    public RepaymentPosted repay(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "installment", summary = "Pay the installment due",
                    value = "{\"amount\": \"1066.19\", \"on\": \"2026-02-15\"}"))) RepaymentRequest request) {
        if (key == null || key.isBlank()) {
            throw new Problems.IdempotencyKeyRequiredException();
        }
        owned(id);
        Money amount;
        try {
            amount = Money.of(request == null || request.amount() == null ? "" : request.amount());
        } catch (IllegalArgumentException e) {
            throw new Problems.BadFieldException("/amount", "send the amount in yuan with at most 2 decimals, e.g. \"1066.19\"");
        }
        if (!amount.isPositive()) {
            throw new Problems.BadFieldException("/amount", "send an amount above 0");
        }
        LocalDate on = request.on() == null ? BusinessDate.today(clock) : request.on();
        PrepaymentChoice choice = request.choice() == null ? PrepaymentChoice.SHORTEN_TERM : request.choice();
        Repayment repayment = new Repayment(id, amount, on, jwt.getSubject() + ":" + key, choice);
        return Books.await(() -> repayments.post(repayment));
    }

    /** The loan, if it is this borrower's: anyone else's is "not found", never "forbidden". */
    private Loan owned(String id) {
        Loan loan = Books.await(() -> books.loan(id));
        if (loan == null || !loan.borrowerId.equals(jwt.getSubject())) {
            throw new Problems.NotFoundException("no loan " + id + " of yours");
        }
        return loan;
    }
}
