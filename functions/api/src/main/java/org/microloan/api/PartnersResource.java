package org.microloan.api;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microloan.integrations.partners.PartnerDirectory;
import org.microloan.origination.idempotency.Idempotency;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.StoredApplication;
import org.microloan.partner.PartnerMerchant;

/**
 * SaaS partners submit applications for their merchants through signed webhooks. A delivery is
 * checked before anything is read: unknown partner, stale timestamp or wrong signature is 401; a
 * {@code webhook-id} seen before returns the first answer and starts nothing.
 */
@Path("/v1/partners/{partnerId}/applications")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PartnersResource {

    private final PartnerDirectory partners;
    private final ApplicationStore store;
    private final StepContext steps;
    private final ObjectMapper json;
    private final ApplicationIntake intake;
    private final Idempotency idempotency;
    private final Workflow workflow;
    private final OfferAnswers answers;
    private final Clock clock;

    public PartnersResource(PartnerDirectory partners, ApplicationStore store, StepContext steps, ObjectMapper json,
                            ApplicationIntake intake, Idempotency idempotency, Workflow workflow, OfferAnswers answers,
                            Clock clock) {
        this.answers = answers;
        this.partners = partners;
        this.store = store;
        this.steps = steps;
        this.json = json;
        this.intake = intake;
        this.idempotency = idempotency;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** A partner's submission: their merchant's reference (the borrower, to us) and the application. */
    @RegisterForReflection
    public record Submission(String merchantReference, ApplicationForm application) {
    }

    @Operation(summary = "Submit an application for a merchant",
            description = "A partner's signed webhook (Standard Webhooks: webhook-id, webhook-timestamp within 5 minutes, "
                    + "webhook-signature) carrying its merchant's reference and the application. A repeated webhook-id "
                    + "gets the first answer and starts nothing. Answers 202 with the Location to read it at.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Received: the workflow has started",
            content = @Content(schema = @Schema(implementation = ApplicationsResource.Accepted.class)))
    @APIResponse(responseCode = "401", description = "Signature wrong, timestamp stale or partner unknown")
    public Response submit(@PathParam("partnerId") String partnerId, @HeaderParam("webhook-id") String webhookId,
                           @HeaderParam("webhook-timestamp") String timestamp, @Context HttpHeaders headers,
            @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = Submission.class),
                    examples = @ExampleObject(
                    name = "merchant", summary = "An application for a merchant of yours",
                    value = "{\"merchantReference\": \"m-1024\", \"application\": " + ApplicationsResource.EXAMPLE_FORM + "}"))) byte[] body) throws IOException {
        verify(partnerId, webhookId, timestamp, headers, body);
        Submission submission = json.readValue(body, Submission.class);
        if (submission.merchantReference() == null || submission.merchantReference().isBlank()) {
            throw new Problems.BadFieldException("/merchantReference", "send your own reference for the merchant");
        }
        String borrower = new PartnerMerchant(partnerId, submission.merchantReference()).borrowerId();
        ApplicationsResource.Accepted accepted = idempotency.once(partnerId + ":" + webhookId, "POST partner application",
                submission, ApplicationsResource.Accepted.class, ApplicationsResource.REQUEST_RUNS_AT_MOST, () -> {
                    String id = UUID.randomUUID().toString();
                    intake.submit(id, borrower, submission.application(), clock.instant());
                    workflow.start(id);
                    return new ApplicationsResource.Accepted(id, "RECEIVED", "/v1/partners/" + partnerId + "/applications/" + id);
                });
        return Response.accepted(accepted).location(URI.create(accepted.statusLink())).build();
    }

    /**
     * The application as the partner may see it: status, decision with reasons, the offer, personal data
     * masked. Only the partner who brought it sees it (anything else is 404); the request is signed the
     * same way as a submission, over an empty body.
     */
    @Operation(summary = "Read an application you brought",
            description = "The application at the Location the 202 gave, for the partner who brought it, signed the same "
                    + "way over an empty body; another partner's application is 404.")
    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "401", description = "Signature wrong, timestamp stale or partner unknown")
    public ApplicationsResource.View get(@PathParam("partnerId") String partnerId, @PathParam("id") String id,
                                         @HeaderParam("webhook-id") String webhookId,
                                         @HeaderParam("webhook-timestamp") String timestamp, @Context HttpHeaders headers) {
        verify(partnerId, webhookId, timestamp, headers, new byte[0]);
        return ApplicationsResource.view(brought(partnerId, id), intake, steps);
    }

    /**
     * The partner asks the platform to text the borrower a one-time code for the offer (the partner never sees
     * it), typically when the borrower taps "accept" in the partner's app. Signed over an empty body; a
     * repeated webhook-id sends nothing more.
     */
    @Operation(summary = "Have the borrower sent the code to accept an offer",
            description = "Texts a six-digit code to the mobile on the application you brought; the borrower gives it to "
                    + "you (or enters it in our app) to accept. It holds 10 minutes; a new one replaces it; an offer may "
                    + "be sent 5. Signed like a submission, over an empty body. 409 when the offer no longer stands or "
                    + "its codes are spent.")
    @POST
    @Path("/{id}/acceptance-code")
    @APIResponse(responseCode = "202", description = "Sent",
            content = @Content(schema = @Schema(implementation = OfferAnswers.CodeSent.class)))
    @APIResponse(responseCode = "401", description = "Signature wrong, timestamp stale or partner unknown")
    public Response sendCode(@PathParam("partnerId") String partnerId, @PathParam("id") String id,
                             @HeaderParam("webhook-id") String webhookId, @HeaderParam("webhook-timestamp") String timestamp,
                             @Context HttpHeaders headers) {
        verify(partnerId, webhookId, timestamp, headers, new byte[0]);
        StoredApplication stored = brought(partnerId, id);
        OfferAnswers.CodeSent sent = idempotency.once(partnerId + ":" + webhookId, "POST acceptance code", id,
                OfferAnswers.CodeSent.class, ApplicationsResource.REQUEST_RUNS_AT_MOST, () -> answers.sendCode(stored));
        return Response.accepted(sent).build();
    }

    /** The borrower's answer, relayed by the partner with the code the borrower was sent. */
    @RegisterForReflection
    public record RelayedAnswer(Boolean accept, String code) {
    }

    @Operation(summary = "Relay the borrower's answer to an offer",
            description = "`{\"accept\": true, \"code\": \"482913\"}` with the code the borrower was texted. A wrong code "
                    + "is 422 with the attempts left, an expired one 422 (send a new code), the fifth wrong one voids the "
                    + "offer (409 offer-void). Signed like a submission; a repeated webhook-id gets the first answer.")
    @POST
    @Path("/{id}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "401", description = "Signature wrong, timestamp stale or partner unknown")
    public Response relayAnswer(@PathParam("partnerId") String partnerId, @PathParam("id") String id,
                                @HeaderParam("webhook-id") String webhookId, @HeaderParam("webhook-timestamp") String timestamp,
                                @Context HttpHeaders headers,
            @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = RelayedAnswer.class),
                    examples = @ExampleObject(name = "accept", summary = "The borrower accepts, with the code texted to them",
                            value = "{\"accept\": true, \"code\": \"482913\"}"))) byte[] body) throws IOException {
        verify(partnerId, webhookId, timestamp, headers, body);
        RelayedAnswer answer = json.readValue(body, RelayedAnswer.class);
        if (answer.accept() == null) {
            throw new Problems.BadFieldException("/accept", "send true to accept the offer, false to refuse it");
        }
        if (answer.code() == null || answer.code().isBlank()) {
            throw new Problems.BadFieldException("/code", "send the code the borrower was texted: only they can answer");
        }
        StoredApplication stored = brought(partnerId, id);
        String link = "/v1/partners/" + partnerId + "/applications/" + id;
        ApplicationsResource.Accepted result = idempotency.once(partnerId + ":" + webhookId, "POST partner acceptance",
                answer, ApplicationsResource.Accepted.class, ApplicationsResource.REQUEST_RUNS_AT_MOST,
                () -> answers.answerWithCode(stored, answer.accept(), answer.code(), "partner-relayed-code", link));
        return Response.ok(result).build();
    }

    private StoredApplication brought(String partnerId, String id) {
        return store.find(id)
                .filter(a -> PartnerMerchant.of(a.borrowerId()).map(m -> m.partnerId().equals(partnerId)).orElse(false))
                .orElseThrow(() -> new Problems.NotFoundException("no application " + id + " from partner " + partnerId));
    }

    private void verify(String partnerId, String webhookId, String timestamp, HttpHeaders headers, byte[] body) {
        String secret = partners.secret(partnerId).orElseThrow(() -> new Problems.WebhookRefusedException("unknown partner"));
        SignedWebhooks.verify(secret, webhookId, timestamp, headers, body, clock.instant());
    }
}
