package org.microloan.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

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
import org.microloan.identity.NumberKey;
import org.microloan.ledger.Books;
import org.microloan.ledger.CollectionCalls;
import org.microloan.ledger.Collections;
import org.microloan.ledger.Loan;
import org.microloan.ledger.LoanHistory;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.BusinessDate;
import org.microloan.servicing.CallOutcome;
import org.microloan.servicing.CallParty;
import org.microloan.servicing.PromiseToPay;

/**
 * A collector logs each call about an overdue loan. The server holds it to the conduct rules at its own time
 * (China time) and refuses what they forbid, naming the rule: quiet hours, the day's unanswered calls to the
 * number, a word about the debt to anyone but the borrower.
 */
@Path("/v1/ops/loans/{loanId}/calls")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.SUPERVISOR})
public class LoanCallsResource {

    private final JsonWebToken jwt;
    private final Books books;
    private final CollectionCalls calls;
    private final Collections collections;
    private final ApplicationStore store;
    private final ApplicationIntake intake;
    private final ProductCatalogue products;
    private final Optional<byte[]> numberSecret;
    private final Clock clock;

    public LoanCallsResource(JsonWebToken jwt, Books books, CollectionCalls calls, Collections collections,
                             ApplicationStore store, ApplicationIntake intake, ProductCatalogue products, Settings settings,
                             Clock clock) {
        this.jwt = jwt;
        this.books = books;
        this.calls = calls;
        this.collections = collections;
        this.store = store;
        this.intake = intake;
        this.products = products;
        this.numberSecret = settings.personKey().secret().map(Base64.getDecoder()::decode);
        this.clock = clock;
    }

    /**
     * @param number       the number called; for the borrower, their mobile on file when left out
     * @param aboutTheDebt whether the loan was discussed (true when left out): with a third party it is refused
     * @param promise      with PROMISE_TO_PAY, and only then
     */
    @RegisterForReflection
    public record CallLog(String party, String number, Boolean aboutTheDebt, String outcome, String note, Promised promise) {
    }

    /** @param by a date from today to the configured days ahead (30 by default) */
    @RegisterForReflection
    public record Promised(String amount, String by) {
    }

    @Operation(summary = "Log a collection call",
            description = "Who was called (BORROWER or THIRD_PARTY), the number (the borrower's mobile on file when left "
                    + "out), how it ended (" + "NO_ANSWER, PROMISE_TO_PAY, REFUSED_TO_PAY, DISPUTED, CALL_BACK_LATER, "
                    + "WRONG_NUMBER, LEFT_MESSAGE), a note, and with PROMISE_TO_PAY the promise (amount, by). Logged at the "
                    + "server's time. Refused 403, naming the rule: quiet-hours (22:00–08:00 China time), "
                    + "unanswered-limit (6 unanswered calls to the number today), third-party-disclosure (a third party "
                    + "about the debt). A settled loan is 409 loan-settled. The number is kept as a keyed hash and shown "
                    + "masked.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(schema = @Schema(implementation = LoanHistory.Call.class)))
    public Response log(@PathParam("loanId") String loanId,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "promise",
                    summary = "The borrower promises to pay",
                    value = "{\"party\": \"BORROWER\", \"outcome\": \"PROMISE_TO_PAY\", \"note\": \"paid late: salary "
                            + "delayed\", \"promise\": {\"amount\": \"1066.19\", \"by\": \"2026-12-05\"}}")))
            CallLog body) {
        Loan loan = Books.await(() -> books.loan(loanId));
        if (loan == null) {
            throw new Problems.NotFoundException("no loan " + loanId);
        }
        if (body == null) {
            throw new Problems.BadFieldException("", "send party, outcome and, for a promise, promise {amount, by}");
        }
        CallParty party = RequestChoice.oneOf("/party", CallParty.values(), body.party());
        CallOutcome outcome = RequestChoice.oneOf("/outcome", CallOutcome.values(), body.outcome());
        if (body.note() != null && body.note().length() > 1000) {
            throw new Problems.BadFieldException("/note", "send a note of at most 1000 characters");
        }
        LocalDate today = BusinessDate.today(clock);
        Optional<PromiseToPay> promise = promise(body, party, outcome, today);
        NumberKey number = number(loan, party, body.number());
        CollectionCalls.Logged logged = Books.await(() -> calls.log(new CollectionCalls.Call(loanId, party,
                body.aboutTheDebt() == null || body.aboutTheDebt(), number.value(), number.masked(), outcome, body.note(),
                promise, jwt.getSubject())));
        if (logged instanceof CollectionCalls.Logged.Refused refused) {
            throw new Problems.RuleException(refused.breach().code, refused.why());
        }
        return Response.created(URI.create("/v1/ops/loans/" + loanId)).entity(CollectionCalls.view(
                ((CollectionCalls.Logged.Made) logged).call(), Books.await(() -> collections.ofLoan(loanId)), today)).build();
    }

    private Optional<PromiseToPay> promise(CallLog body, CallParty party, CallOutcome outcome, LocalDate today) {
        if (outcome != CallOutcome.PROMISE_TO_PAY) {
            if (body.promise() != null) {
                throw new Problems.BadFieldException("/promise", "a promise goes with the outcome PROMISE_TO_PAY only");
            }
            return Optional.empty();
        }
        if (party != CallParty.BORROWER) {
            throw new Problems.BadFieldException("/party", "only the borrower promises to pay: send party BORROWER");
        }
        if (body.promise() == null) {
            throw new Problems.BadFieldException("/promise", "send the promise: {\"amount\": \"500.00\", \"by\": \""
                    + today.plusDays(3) + "\"}");
        }
        int within = products.collections().promiseWithinDays();
        LocalDate by = RequestDate.parse("/promise/by", body.promise().by());
        if (by.isBefore(today) || by.isAfter(today.plusDays(within))) {
            throw new Problems.BadFieldException("/promise/by", "send a date from " + today + " to " + today.plusDays(within)
                    + " (at most " + within + " days ahead), not " + by);
        }
        return Optional.of(new PromiseToPay(today, by, RequestAmount.positive("/promise/amount", body.promise().amount())));
    }

    private NumberKey number(Loan loan, CallParty party, String given) {
        byte[] secret = numberSecret.orElseThrow(() -> new IllegalStateException(
                "set microloan.person-key.secret (MICROLOAN_PERSON_KEY_SECRET): calls are counted per number"));
        if (given != null) {
            return NumberKey.of(secret, given).orElseThrow(() -> new Problems.BadFieldException("/number",
                    "send a telephone number: digits, with an optional leading +, e.g. \"13800138000\""));
        }
        if (party != CallParty.BORROWER) {
            throw new Problems.BadFieldException("/number", "send the number called: only the borrower's is on file");
        }
        String mobile = store.find(loan.applicationId).map(a -> intake.open(a).personal().mobile())
                .orElseThrow(() -> new Problems.ConflictException("no-number-on-file",
                        "the borrower's application is not on file: send the number called"));
        return NumberKey.of(secret, mobile).orElseThrow(() -> new Problems.ConflictException("no-number-on-file",
                "the borrower's mobile on file is not a telephone number: send the number called"));
    }
}
