package org.microloan.api;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.microloan.configuration.Settings;
import org.microloan.ledger.Books;
import org.microloan.ledger.CollectionRecord;
import org.microloan.ledger.Collections;
import org.microloan.money.Money;
import org.microloan.moneyin.RailCollections;
import org.microloan.servicing.CollectionStatus;

/**
 * The payment rail tells us how a pending collection ended, in a Standard Webhooks delivery signed with
 * its secret. SUCCEEDED books the money once however often it is delivered; FAILED books nothing.
 */
@Path("/v1/rail/callbacks")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class RailCallbacksResource {

    private final Settings settings;
    private final Collections collections;
    private final RailCollections rail;
    private final ObjectMapper json;
    private final Clock clock;

    public RailCallbacksResource(Settings settings, Collections collections, RailCollections rail, ObjectMapper json,
                                 Clock clock) {
        this.settings = settings;
        this.collections = collections;
        this.rail = rail;
        this.json = json;
        this.clock = clock;
    }

    /** @param reference our repayment's id, as we sent it; @param collectionId the rail's */
    @RegisterForReflection
    public record Callback(String type, String collectionId, String reference, String status, String amount, String reason) {
    }

    @RegisterForReflection
    public record Settled(String repaymentId, String status) {
    }

    @Operation(summary = "Hear how a collection ended",
            description = "The payment rail's callback for a collection it answered PENDING (Standard Webhooks: "
                    + "webhook-id, webhook-timestamp within 5 minutes, webhook-signature with the rail's secret). "
                    + "SUCCEEDED books the repayment, valued today in China time, once however often it is delivered; "
                    + "FAILED books nothing. An outcome contradicting an earlier one is 409; an unknown reference 404.")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Taken", content = @Content(schema = @Schema(implementation = Settled.class)))
    @APIResponse(responseCode = "401", description = "Signature wrong or timestamp stale")
    public Settled callback(@HeaderParam("webhook-id") String webhookId, @HeaderParam("webhook-timestamp") String timestamp,
                            @Context HttpHeaders headers,
            @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = Callback.class),
                    examples = @ExampleObject(name = "succeeded", summary = "A pending collection succeeded",
                            value = "{\"type\": \"collection.settled\", \"collectionId\": \"co-77\", \"reference\": "
                                    + "\"5b0c2f4e-9d7a-4c1e-8a53-2f6d9e1b7c40\", \"status\": \"SUCCEEDED\", \"amount\": "
                                    + "\"1066.19\", \"reason\": null}"))) byte[] body) throws IOException {
        String secret = settings.rail().callbackSecret()
                .orElseThrow(() -> new Problems.WebhookRefusedException("the rail's callbacks are not configured here"));
        SignedWebhooks.verify(secret, webhookId, timestamp, headers, body, clock.instant());
        Callback callback = json.readValue(body, Callback.class);
        if (callback.status() == null || !Set.of("SUCCEEDED", "FAILED").contains(callback.status())) {
            throw new Problems.BadFieldException("/status", "send SUCCEEDED or FAILED: a callback reports a final outcome");
        }
        CollectionRecord c = Books.await(() -> collections.find(String.valueOf(callback.reference())))
                .orElseThrow(() -> new Problems.NotFoundException("no repayment " + callback.reference()));
        if (callback.amount() != null && RequestAmount.positive("/amount", callback.amount()).fen() != c.amountFen) {
            throw new Problems.RefusedException("amount-mismatch", "/amount", "repayment " + c.id + " asked for "
                    + Money.ofFen(c.amountFen) + ", not " + callback.amount() + ": nothing was booked");
        }
        CollectionRecord settled = rail.heard(c.id, CollectionStatus.valueOf(callback.status()), callback.reason(),
                callback.collectionId(), clock.instant());
        return new Settled(settled.id, settled.status.name());
    }
}
