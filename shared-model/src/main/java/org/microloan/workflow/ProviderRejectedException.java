package org.microloan.workflow;

/** A provider refused the request itself (4xx): sending it again will not help, so it is never retried. */
public class ProviderRejectedException extends RuntimeException {

    public ProviderRejectedException(String provider, int status) {
        super(provider + " refused the request with HTTP " + status);
    }
}
