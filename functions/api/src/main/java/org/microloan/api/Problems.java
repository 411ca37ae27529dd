package org.microloan.api;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.microloan.support.books.PayoffExceededException;
import org.microloan.support.idempotency.Idempotency;
import org.microloan.support.intake.InvalidApplicationException;

/** Every failure as problem+json, with a stable type. */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    /** The resource a borrower asked for is not theirs, or not there: the same answer either way. */
    public static class NotFoundException extends RuntimeException {
        public NotFoundException(String what) {
            super(what);
        }
    }

    public static class IdempotencyKeyRequiredException extends RuntimeException {
    }

    /** A field of a request body or query that is wrong, and what to send instead. */
    public static class BadFieldException extends RuntimeException {
        final String field;

        public BadFieldException(String field, String detail) {
            super(detail);
            this.field = field;
        }
    }

    @ServerExceptionMapper
    public Response badField(BadFieldException e) {
        return Problem.response(400, "invalid-request", "The request has a problem", e.getMessage(),
                List.of(new Problem.Field(e.field, e.getMessage())));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidApplicationException e) {
        return Problem.response(400, "invalid-application", "The application has problems",
                e.problems().size() + " field(s) to correct", e.problems().stream()
                        .map(p -> new Problem.Field(p.field(), p.detail())).toList());
    }

    @ServerExceptionMapper
    public Response keyRequired(IdempotencyKeyRequiredException e) {
        return Problem.response(400, "idempotency-key-required", "Idempotency-Key is required",
                "send an Idempotency-Key header (a UUID you generate) with every POST",
                List.of(new Problem.Field("header:Idempotency-Key", "required on every POST")));
    }

    @ServerExceptionMapper
    public Response keyReused(Idempotency.KeyReusedException e) {
        return Problem.response(422, "idempotency-key-reused", "This Idempotency-Key was used for another request",
                "send a new Idempotency-Key for a different request, or the same body to get the first answer");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(404, "not-found", "Not found", e.getMessage());
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e) {
        return Problem.response(401, "unauthorized", "Not signed in",
                "send a valid bearer token (RS256, this issuer and audience, not expired)");
    }

    @ServerExceptionMapper
    public Response webhookRefused(PartnersResource.WebhookRefusedException e) {
        return Problem.response(401, "webhook-refused", "The webhook was not accepted", e.getMessage());
    }

    /** The request is well formed but the resource is not in a state to take it. */
    public static class ConflictException extends RuntimeException {
        final String type;

        public ConflictException(String type, String detail) {
            super(detail);
            this.type = type;
        }
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.response(409, e.type, "Not now", e.getMessage());
    }

    @ServerExceptionMapper
    public Response payoffExceeded(PayoffExceededException e) {
        return Problem.response(422, "payoff-exceeded", "More than the loan's pay-off", e.getMessage(),
                List.of(new Problem.Field("/amount", "send at most " + e.payoff())));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "forbidden", "Not allowed", "this endpoint is for another role");
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = "/" + e.getPath().stream().map(r -> r.getFieldName() == null ? String.valueOf(r.getIndex())
                : r.getFieldName()).reduce((a, b) -> a + "/" + b).orElse(e.getPropertyName());
        return Problem.response(400, "unknown-field", "The body has a field this API does not know",
                "remove " + field, List.of(new Problem.Field(field, "not part of the contract: see the OpenAPI document")));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.response(400, "malformed-body", "The body is not the JSON this endpoint takes",
                "send a JSON object as described in the OpenAPI document");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Problem.response(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                "see the OpenAPI document for this endpoint");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf("unexpected failure: %s", e.getClass().getName());
        return Problem.response(500, "internal", "Something went wrong on our side", "try again later");
    }
}
