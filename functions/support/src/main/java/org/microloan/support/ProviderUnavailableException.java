package org.microloan.support;

/**
 * An outside provider did not answer in time or answered 5xx, after the client's own retries. Transient:
 * the workflow retries the step (its name is in the ASL's Retry).
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String provider, String what, Throwable cause) {
        super(provider + " unavailable: " + what, cause);
    }
}
