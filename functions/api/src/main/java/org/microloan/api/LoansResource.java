package org.microloan.api;

import java.net.URI;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microloan.ledger.Books;
import org.microloan.ledger.CollectionRecord;
import org.microloan.ledger.Collections;
import org.microloan.ledger.Loan;
import org.microloan.ledger.LoanState;
import org.microloan.ledger.Repayment;
import org.microloan.ledger.RepaymentPosted;
import org.microloan.ledger.Repayments;
import org.microloan.money.Money;
import org.microloan.moneyin.RailCollections;
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
    private final Collections collections;
    private final RailCollections rail;
    private final Clock clock;

    public LoansResource(JsonWebToken jwt, ApplicationStore store, Books books, Repayments repayments,
                         Collections collections, RailCollections rail, Clock clock) {
        this.jwt = jwt;
        this.store = store;
        this.books = books;
        this.repayments = repayments;
        this.collections = collections;
        this.rail = rail;
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
        return scheduleOf(owned(id));
    }

    static List<ScheduleLine> scheduleOf(Loan loan) {
        return loan.account().installments().stream()
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
        LocalDate day = RequestDate.parse("query:on", on);
        return Books.await(() -> books.state(id, day));
    }

    @Operation(summary = "Repay",
            description = "Asks the payment rail to collect `amount` from the account bound to the loan, and answers 202 "
                    + "with the repayment: SUCCEEDED (booked, valued today in China time), FAILED (and why; nothing is "
                    + "booked) or PENDING (the rail will say; read it at the Location). The money settles penalty interest "
                    + "first, then overdue interest and principal, then current; anything beyond what is due prepays "
                    + "(`choice`: SHORTEN_TERM or LOWER_INSTALLMENT). Refused before anything is collected: a settled "
                    + "loan 409; more than the pay-off 422 with the figure; `on` other than today 422. The same "
                    + "Idempotency-Key answers the same repayment and collects once.")
    @POST
    @Path("/{id}/repayments")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Asked of the rail: the repayment as it stands",
            content = @Content(schema = @Schema(implementation = RepaymentView.class)))
    public Response repay(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "installment", summary = "Pay the installment due today",
                    value = "{\"amount\": \"1066.19\"}"))) RepaymentRequest request) {
        if (key == null || key.isBlank()) {
            throw new Problems.IdempotencyKeyRequiredException();
        }
        owned(id);
        Money amount = RequestAmount.positive("/amount", request == null ? null : request.amount());
        LocalDate today = BusinessDate.today(clock);
        if (request.on() != null && !request.on().equals(today)) {
            throw new Problems.RefusedException("value-date", "/on", "a repayment is valued on the day the rail collects "
                    + "it, today (" + today + " in China time), not " + request.on() + ": send no date");
        }
        PrepaymentChoice choice = request.choice() == null ? PrepaymentChoice.SHORTEN_TERM : request.choice();
        String collectionKey = jwt.getSubject() + ":" + key;
        if (Books.await(() -> collections.byKey(collectionKey)).isEmpty()) {
            Books.await(() -> repayments.check(new Repayment(id, amount, today, key, choice)));
        }
        CollectionRecord c = rail.collect(new Collections.Ask(id, CollectionRecord.Origin.BORROWER, collectionKey, amount,
                choice, jwt.getSubject()), clock.instant());
        return Response.accepted(view(c)).location(URI.create("/v1/loans/" + id + "/repayments/" + c.id)).build();
    }

    @Operation(summary = "Read a repayment",
            description = "Where a repayment stands: PENDING while the rail has not said, SUCCEEDED with what it paid and "
                    + "where the loan stands after it, or FAILED and why.")
    @GET
    @Path("/{id}/repayments/{repaymentId}")
    public RepaymentView repayment(@PathParam("id") String id, @PathParam("repaymentId") String repaymentId) {
        owned(id);
        return view(Books.await(() -> collections.find(id, repaymentId))
                .orElseThrow(() -> new Problems.NotFoundException("no repayment " + repaymentId + " of loan " + id)));
    }

    @Operation(summary = "List a loan's repayments",
            description = "Every repayment asked for or received for the loan, oldest first: the borrower's, the "
                    + "auto-debits on due dates, and money ops received another way.")
    @GET
    @Path("/{id}/repayments")
    public List<RepaymentView> repayments(@PathParam("id") String id) {
        owned(id);
        return Books.await(() -> collections.ofLoan(id)).stream().map(this::view).toList();
    }

    private RepaymentView view(CollectionRecord c) {
        return viewOf(c, repayments);
    }

    static RepaymentView viewOf(CollectionRecord c, Repayments repayments) {
        RepaymentPosted posted = c.transactionId == null ? null : Books.await(() -> repayments.posted(c.transactionId));
        return RepaymentView.of(c, posted);
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
