package org.microloan.integrations.partners;

import java.net.URI;
import java.util.Map;

/** The partners' own endpoints: a signed POST, answered with an HTTP status. */
public interface PartnerWebhooks {

    /**
     * @return the partner's HTTP status
     * @throws UnreachableException when no answer came (refused, timed out, reset)
     */
    int post(URI url, Map<String, String> headers, byte[] body);

    class UnreachableException extends RuntimeException {
        public UnreachableException(String why, Throwable cause) {
            super(why, cause);
        }
    }
}
