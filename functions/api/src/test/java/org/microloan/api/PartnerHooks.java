package org.microloan.api;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.microloan.testing.ProviderStubs;

/** Partner acme hears of its applications' status changes on the WireMock server. */
public final class PartnerHooks implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("microloan.partners.acme.url", "http://localhost:" + ProviderStubs.server().port() + "/hooks/acme");
    }

    @Override
    public void stop() {
    }
}
