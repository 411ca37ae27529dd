package org.microloan.workflow;

/**
 * An outside provider did not answer in time, answered 5xx or asked us to slow down (429), after the
 * client's own retries. Transient: the workflow retries the step, whose name is in every Retry.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String provider, String what, Throwable cause) {
        super(provider + " unavailable: " + what, cause);
    }
}
