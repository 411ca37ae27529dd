package org.microloan.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.microloan.decision.Decision;
import org.microloan.decision.Reason;
import org.microloan.origination.idempotency.Idempotency;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.intake.MaskedForm;
import org.microloan.origination.intake.MaskedForm.MaskedPayee;
import org.microloan.origination.intake.MaskedForm.MaskedPersonal;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.StoredApplication;
import org.microloan.partner.PartnerMerchant;
import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.Offer;
import org.microloan.workflow.Step;

/** The borrower's app: submit an application, follow it. A borrower sees only their own. */
@Path("/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("borrower")
public class ApplicationsResource {

    /** An application as the app sends it: the OpenAPI document's example. */
    static final String EXAMPLE_FORM = """
            {"productCode": "EMERGENCY", "amount": "3000.00", "termMonths": 3, "method": "DAILY_ACCRUAL",
             "frequency": "MONTHLY", "applicationDate": "2026-11-22",
             "personal": {"name": "张三", "idNumber": "11010519960504002X", "mobile": "13812345678",
                          "bankAccount": "6222021234567890123", "livenessToken": "lv_sdk_5f1c9e"},
             "finances": {"monthlyIncome": "12000.00", "monthlyExpenses": "3500.00", "assets": "80000.00", "debt": "0.00",
                          "priceOfGoods": "6000.00", "seniorityYears": 8, "home": "OWNER", "marital": "MARRIED",
                          "job": "FIXED"},
             "consent": {"version": "2026-01", "acceptedAt": "2026-11-22T08:00:00Z"}}""";

    /** API Gateway ends a request after 30 s, so a request's idempotency claim need last no longer. */
    static final Duration REQUEST_RUNS_AT_MOST = Duration.ofSeconds(30);

    private final JsonWebToken jwt;
    private final ApplicationIntake intake;
    private final ApplicationStore store;
    private final StepContext steps;
    private final Idempotency idempotency;
    private final Workflow workflow;
    private final OfferAnswers answers;
    private final Clock clock;

    public ApplicationsResource(JsonWebToken jwt, ApplicationIntake intake, ApplicationStore store, StepContext steps,
                                Idempotency idempotency, Workflow workflow, OfferAnswers answers, Clock clock) {
        this.clock = clock;
        this.jwt = jwt;
        this.intake = intake;
        this.store = store;
        this.steps = steps;
        this.idempotency = idempotency;
        this.workflow = workflow;
        this.answers = answers;
    }

    /** What a submission answers: 202 with the application's id and where to follow it. */
    @RegisterForReflection
    public record Accepted(String applicationId, String status, String statusLink) {
    }

    @RegisterForReflection
    public record View(String applicationId, String status, MaskedPersonal personal, DecisionView decision, Offer offer,
                       MaskedPayee payee) {
    }

    @RegisterForReflection
    public record DecisionView(String outcome, String grade, String modelVersion, List<Reason> reasons) {
    }

    @Operation(summary = "Apply for a loan",
            description = "Submits an application for the signed-in borrower. Every field is checked and each bad one is "
                    + "named with what to send instead; the personal part is sealed at rest. Answers 202 with the "
                    + "application id and its Location, and starts the workflow. Send an Idempotency-Key: the same key "
                    + "and body give the first answer again, the same key with another body is 422.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Received: the workflow has started; follow the Location",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    public Response submit(@HeaderParam("Idempotency-Key") String key,
            @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    name = "emergency", summary = "A young salaried borrower asks for 3,000 over three months",
                    value = EXAMPLE_FORM))) ApplicationForm form) {
        if (key == null || key.isBlank()) {
            throw new Problems.IdempotencyKeyRequiredException();
        }
        String borrower = jwt.getSubject();
        Accepted accepted = idempotency.once(borrower + ":" + key, "POST /v1/applications", form, Accepted.class,
                REQUEST_RUNS_AT_MOST, () -> {
            String id = UUID.randomUUID().toString();
            intake.submit(id, borrower, form, clock.instant());
            workflow.start(id);
            return new Accepted(id, "RECEIVED", "/v1/applications/" + id);
        });
        return Response.accepted(accepted).location(URI.create(accepted.statusLink())).build();
    }

    /** The borrower's answer to the offer; for a partner's application, with the code sent to their mobile. */
    @RegisterForReflection
    public record Acceptance(Boolean accept, String code) {
    }

    /** Accept or reject the offer: the workflow, waiting on it, goes on to the payout or ends. */
    @Operation(summary = "Answer the offer",
            description = "Accepts (`{\"accept\": true}`) or refuses the quoted offer before it expires. The workflow, "
                    + "waiting on the answer, goes on to the payout or ends; it is answered once whatever is repeated. "
                    + "An application a partner brought is answered with the `code` sent by SMS to the mobile on it "
                    + "(POST .../acceptance-code): a wrong code is 422 with the attempts left, an expired one 422, the "
                    + "fifth wrong one voids the offer (409 offer-void). 409 when the application is not quoted, the "
                    + "offer expired, or the workflow no longer waits.")
    @POST
    @Path("/{id}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response accept(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
            @RequestBody(content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "accept", summary = "Accept the offer", value = "{\"accept\": true}"),
                    @ExampleObject(name = "partner", summary = "Accept a partner's offer with the code sent by SMS",
                            value = "{\"accept\": true, \"code\": \"482913\"}")})) Acceptance answer) {
        if (key == null || key.isBlank()) {
            throw new Problems.IdempotencyKeyRequiredException();
        }
        if (answer == null || answer.accept() == null) {
            throw new Problems.BadFieldException("/accept", "send true to accept the offer, false to refuse it");
        }
        StoredApplication stored = ownedOrBroughtByPartner(id, answer.code() != null);
        boolean own = stored.borrowerId().equals(jwt.getSubject());
        String link = own ? "/v1/applications/" + id : null;
        Accepted result = idempotency.once(jwt.getSubject() + ":" + key, "POST acceptance", answer, Accepted.class,
                REQUEST_RUNS_AT_MOST, () -> own ? answers.answer(stored, answer.accept(), "borrower", link)
                        : answers.answerWithCode(stored, answer.accept(), answer.code(), "borrower-code", link));
        return Response.ok(result).build();
    }

    /** Sends the borrower a one-time code for a partner's offer, to the mobile on the application. */
    @Operation(summary = "Send the code to accept a partner's offer",
            description = "For an application a partner brought: texts a six-digit code to the mobile on the application "
                    + "(never shown here) that answers the offer within 10 minutes. A new code replaces the one before; "
                    + "an offer may be sent 5. 409 for the borrower's own application (no code is needed), an offer "
                    + "not standing, or codes spent.")
    @POST
    @Path("/{id}/acceptance-code")
    @APIResponse(responseCode = "202", description = "Sent",
            content = @Content(schema = @Schema(implementation = OfferAnswers.CodeSent.class)))
    public Response sendCode(@PathParam("id") String id) {
        StoredApplication stored = ownedOrBroughtByPartner(id, true);
        if (stored.borrowerId().equals(jwt.getSubject())) {
            throw new Problems.ConflictException("acceptance-code-not-needed", "application " + id + " is your own: "
                    + "answer it without a code");
        }
        return Response.accepted(answers.sendCode(stored)).build();
    }

    /**
     * The borrower's own application, or (when {@code byCode}) one a partner brought, which whoever holds the
     * mobile on it may answer; anything else is 404.
     */
    private StoredApplication ownedOrBroughtByPartner(String id, boolean byCode) {
        return store.find(id).filter(a -> a.borrowerId().equals(jwt.getSubject())
                        || (byCode && PartnerMerchant.of(a.borrowerId()).isPresent()))
                .orElseThrow(() -> new Problems.NotFoundException("no application " + id + " of yours"));
    }

    private StoredApplication owned(String id) {
        return store.find(id).filter(a -> a.borrowerId().equals(jwt.getSubject()))
                .orElseThrow(() -> new Problems.NotFoundException("no application " + id + " of yours"));
    }

    @Operation(summary = "Follow an application",
            description = "The borrower's own application: its status, the decision with its reasons in Chinese and "
                    + "English (whichever step made it), and the offer with the APR first. Personal fields come "
                    + "masked. Another borrower's application is 404.")
    @GET
    @Path("/{id}")
    public View get(@PathParam("id") String id) {
        return view(owned(id), intake, steps);
    }

    /** An application as its borrower, or the partner who brought it, sees it: personal data masked. */
    static View view(StoredApplication stored, ApplicationIntake intake, StepContext steps) {
        MaskedForm masked = intake.masked(stored);
        return new View(stored.applicationId(), stored.status().name(), masked.personal(),
                decided(stored, steps).orElse(null), steps.recorded(stored, Step.QUOTE_RATE).orElse(null), masked.payee());
    }

    /**
     * The decision as whichever step made it: the score's, or a decline at apply (the product's bands,
     * the limits) or at identity (the checks, the KYC provider), each with its reasons (PIPL art. 24).
     */
    private static Optional<DecisionView> decided(StoredApplication stored, StepContext steps) {
        return steps.recorded(stored, Step.SCORE).map(s -> new DecisionView(s.outcome().name(),
                        s.grade() == null ? null : s.grade().name(), s.modelVersion(), reasons(s.reasons())))
                .or(() -> steps.recorded(stored, Step.VERIFY_IDENTITY).filter(r -> r.status() == ApplicationStatus.DECLINED)
                        .map(r -> declined(r.reasons())))
                .or(() -> steps.recorded(stored, Step.APPLY).filter(r -> r.status() == ApplicationStatus.DECLINED)
                        .map(r -> declined(r.reasons())));
    }

    private static DecisionView declined(List<String> codes) {
        return new DecisionView(Decision.Outcome.DECLINE.name(), null, null, reasons(codes));
    }

    private static List<Reason> reasons(List<String> codes) {
        return codes.stream().map(Reason::ofCode).toList();
    }
}
