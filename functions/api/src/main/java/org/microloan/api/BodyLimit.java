package org.microloan.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Bodies over 64 KB are refused with 413, as problem+json, before anything reads them. */
public class BodyLimit {

    static final int MAX_BYTES = 64 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response tooLarge(ContainerRequestContext request) {
        int length = request.getLength();
        if (length > MAX_BYTES) {
            return Problem.response(413, "body-too-large", "The body is too large",
                    length + " bytes: send at most " + MAX_BYTES);
        }
        return null;
    }
}
