package org.microloan.integrations.partners;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

/**
 * The partners we know, from configuration (in AWS, from the environment the secrets manager fills):
 * {@code microloan.partners.<id>.secret}, the Standard Webhooks secret ({@code whsec_} + base64) both
 * ways, and {@code microloan.partners.<id>.url}, where their applications' status changes are POSTed.
 */
@ApplicationScoped
public class PartnerDirectory {

    private final Config config;

    public PartnerDirectory(Config config) {
        this.config = config;
    }

    public Optional<String> secret(String partnerId) {
        return config.getOptionalValue("microloan.partners." + partnerId + ".secret", String.class);
    }

    /** Where the partner hears about status changes; empty when they have not given a URL. */
    public Optional<URI> url(String partnerId) {
        return config.getOptionalValue("microloan.partners." + partnerId + ".url", String.class).map(URI::create);
    }
}
