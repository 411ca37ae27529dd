package org.microloan.api;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microloan.support.idempotency.Idempotency;
import org.microloan.support.intake.ApplicationForm;
import org.microloan.support.intake.ApplicationIntake;

/**
 * SaaS partners submit applications for their merchants through signed webhooks. A delivery is
 * checked before anything is read: unknown partner, stale timestamp or wrong signature is 401; a
 * {@code webhook-id} seen before returns the first answer and starts nothing.
 */
@Path("/v1/partners/{partnerId}/applications")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PartnersResource {

    private final Config config;
    private final ObjectMapper json;
    private final ApplicationIntake intake;
    private final Idempotency idempotency;
    private final Workflow workflow;
    private final Clock clock;

    public PartnersResource(Config config, ObjectMapper json, ApplicationIntake intake, Idempotency idempotency,
                            Workflow workflow, Clock clock) {
        this.config = config;
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

    public static class WebhookRefusedException extends RuntimeException {
        public WebhookRefusedException(String why) {
            super(why);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Received: the workflow has started",
            content = @Content(schema = @Schema(implementation = ApplicationsResource.Accepted.class)))
    @APIResponse(responseCode = "401", description = "Signature wrong, timestamp stale or partner unknown")
    public Response submit(@PathParam("partnerId") String partnerId, @HeaderParam("webhook-id") String webhookId,
                           @HeaderParam("webhook-timestamp") String timestamp, @Context HttpHeaders headers,
                           byte[] body) throws IOException {
        // "v1,<base64> v1,<base64>": comma-separated header values may arrive split; joined back, they are exact
        List<String> parts = headers.getRequestHeader("webhook-signature");
        String signature = parts == null || parts.isEmpty() ? null : String.join(",", parts);
        Optional<String> secret = config.getOptionalValue("microloan.partners." + partnerId + ".secret", String.class);
        if (secret.isEmpty()) {
            throw new WebhookRefusedException("unknown partner");
        }
        String refusal = WebhookSignature.refusal(secret.get(), webhookId, timestamp, signature, body, clock.instant());
        if (refusal != null) {
            throw new WebhookRefusedException(refusal);
        }
        Submission submission = json.readValue(body, Submission.class);
        String borrower = "partner:" + partnerId + ":" + submission.merchantReference();
        ApplicationsResource.Accepted accepted = idempotency.once(partnerId + ":" + webhookId, "POST partner application",
                submission, ApplicationsResource.Accepted.class, () -> {
                    String id = UUID.randomUUID().toString();
                    intake.submit(id, borrower, submission.application(), clock.instant());
                    workflow.start(id);
                    return new ApplicationsResource.Accepted(id, "RECEIVED", "/v1/partners/" + partnerId + "/applications/" + id);
                });
        return Response.accepted(accepted).location(URI.create(accepted.statusLink())).build();
    }
}
