package org.microloan.functions.notifypartners;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.microloan.testing.ProviderStubs;

/** Partner acme listens on the WireMock server; partner gone gave a port where nobody listens. */
public final class PartnerEndpoint implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("microloan.partners.acme.url", "http://localhost:" + ProviderStubs.server().port() + "/hooks/acme",
                "microloan.partners.gone.secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "microloan.partners.gone.url", "http://localhost:9/hooks");
    }

    @Override
    public void stop() {
    }
}
