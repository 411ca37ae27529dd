package org.microloan.integrations.providers;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.microloan.workflow.ProviderRejectedException;
import org.microloan.workflow.ProviderUnavailableException;

/**
 * The providers over HTTP (KYC, bureau, payment rail, SMS): each call has the client's connect and read timeouts, up to two more
 * tries with jittered backoff on a timeout, a 5xx or a 429, and ends in a named failure: {@link
 * ProviderRejectedException} for any other 4xx, {@link ProviderUnavailableException} when the tries run out.
 */
@ApplicationScoped
public class HttpProviders implements IdentityVerifier, CreditBureau, PaymentRail, Messages {

    // each client is built when first called: a function configures only the providers it calls
    private final Instance<ProviderApis.Kyc> kyc;
    private final Instance<ProviderApis.Bureau> bureau;
    private final Instance<ProviderApis.Rail> rail;
    private final Instance<ProviderApis.Sms> sms;

    public HttpProviders(@RestClient Instance<ProviderApis.Kyc> kyc, @RestClient Instance<ProviderApis.Bureau> bureau,
                         @RestClient Instance<ProviderApis.Rail> rail, @RestClient Instance<ProviderApis.Sms> sms) {
        this.kyc = kyc;
        this.bureau = bureau;
        this.rail = rail;
        this.sms = sms;
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, retryOn = ProviderUnavailableException.class)
    public Result verify(IdentityVerifier.Request request) {
        return call("kyc", () -> kyc.get().verify(request));
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, retryOn = ProviderUnavailableException.class)
    public Report report(CreditBureau.Request request) {
        return call("bureau", () -> bureau.get().report(request));
    }

    /** Safe to retry: the rail honours the idempotency key, so a repeated request is the same payout. */
    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, retryOn = ProviderUnavailableException.class)
    public Payout pay(PaymentRail.Request request, String idempotencyKey) {
        return call("rail", () -> rail.get().pay(request, idempotencyKey));
    }

    /** Safe to retry: the rail honours the idempotency key, so a repeated request is the same collection. */
    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, retryOn = ProviderUnavailableException.class)
    public Collection collect(CollectionRequest request, String idempotencyKey) {
        return call("rail", () -> rail.get().collect(request, idempotencyKey));
    }

    /** Safe to retry: the provider sends one message per idempotency key. */
    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS, retryOn = ProviderUnavailableException.class)
    public Receipt send(Message message, String idempotencyKey) {
        return call("sms", () -> sms.get().send(message, idempotencyKey));
    }

    private static <T> T call(String provider, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500 || status == 429) {
                throw new ProviderUnavailableException(provider, "HTTP " + status, e);
            }
            throw new ProviderRejectedException(provider, status);
        } catch (ProcessingException e) {
            throw new ProviderUnavailableException(provider, "no answer (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
