package org.microloan.api;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The id one request is known by: the caller's {@code X-Request-Id} if it is a plain token, else a new
 * one. It is in every log line of the request, in the response, and in the workflow execution it starts,
 * so one id follows an application from the app to the last step.
 */
@RequestScoped
public class RequestId {

    static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private String value = UUID.randomUUID().toString();

    public String value() {
        return value;
    }

    /** Before matching and before the security checks, so a refusal carries the caller's id too. */
    @ServerRequestFilter(preMatching = true)
    void read(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        if (given != null && PLAIN.matcher(given).matches()) {
            value = given;
        }
        MDC.put("requestId", value);
    }

    @ServerResponseFilter
    void echo(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, value);
    }
}
