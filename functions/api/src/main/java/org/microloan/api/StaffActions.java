package org.microloan.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.microloan.access.StaffAction;
import org.microloan.origination.store.AuditLog;

/**
 * The audit of the back office: every call that changes something under {@code /v1/ops/} is recorded with who
 * made it, in which roles, the call, the reason given in its body, how it ended (a refusal too) and the request's
 * id. Done here, around every ops endpoint, so no new action can forget it.
 */
@RequestScoped
public class StaffActions {

    private static final Logger LOG = Logger.getLogger(StaffActions.class);
    private static final List<String> READS = List.of("GET", "HEAD", "OPTIONS");

    private final AuditLog audit;
    private final JsonWebToken jwt;
    private final RequestId requestId;
    private final ObjectMapper json;
    private final Clock clock;

    private String action;
    private String reason;

    public StaffActions(AuditLog audit, JsonWebToken jwt, RequestId requestId, ObjectMapper json, Clock clock) {
        this.audit = audit;
        this.jwt = jwt;
        this.requestId = requestId;
        this.json = json;
        this.clock = clock;
    }

    @ServerRequestFilter
    void read(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/ops/") || READS.contains(request.getMethod())) {
            return;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        action = request.getMethod() + " " + path + (query == null ? "" : "?" + query);
        if (request.hasEntity()) {
            // the body stays for the endpoint: read here, put back
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            try {
                JsonNode said = json.readTree(body).path("reason");
                reason = said.isTextual() ? said.asText() : null;
            } catch (IOException notJson) {
                reason = null;
            }
        }
    }

    @ServerResponseFilter
    void record(ContainerResponseContext response) {
        if (action == null || jwt.getSubject() == null) {
            return;
        }
        StaffAction done = new StaffAction(clock.instant(), jwt.getSubject(), List.copyOf(jwt.getGroups()), action, reason,
                response.getStatus(), requestId.value());
        try {
            audit.record(done);
        } catch (RuntimeException e) {
            // the action has happened; its record is in the log line, with the request's id
            LOG.errorf("the audit did not take %s by %s (%d): %s", action, done.who(), done.status(), e.toString());
        }
    }
}
