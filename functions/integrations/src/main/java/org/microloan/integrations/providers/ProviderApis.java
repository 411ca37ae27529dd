package org.microloan.integrations.providers;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The providers' HTTP APIs as Quarkus REST clients; URLs and timeouts come from configuration. */
final class ProviderApis {

    private ProviderApis() {
    }

    @RegisterRestClient(configKey = "kyc")
    @Path("/v1/verifications")
    interface Kyc {
        @POST
        IdentityVerifier.Result verify(IdentityVerifier.Request request);
    }

    @RegisterRestClient(configKey = "bureau")
    @Path("/v1/reports")
    interface Bureau {
        @POST
        CreditBureau.Report report(CreditBureau.Request request);
    }

    @RegisterRestClient(configKey = "sms")
    @Path("/v1/messages")
    interface Sms {
        @POST
        Messages.Receipt send(Messages.Message message, @HeaderParam("Idempotency-Key") String idempotencyKey);
    }

    @RegisterRestClient(configKey = "rail")
    @Path("/v1")
    interface Rail {
        @POST
        @Path("/payouts")
        PaymentRail.Payout pay(PaymentRail.Request request, @HeaderParam("Idempotency-Key") String idempotencyKey);

        @POST
        @Path("/collections")
        PaymentRail.Collection collect(PaymentRail.CollectionRequest request,
                                       @HeaderParam("Idempotency-Key") String idempotencyKey);
    }
}
