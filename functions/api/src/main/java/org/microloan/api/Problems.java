package org.microloan.api;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.microloan.identity.Mask;
import org.microloan.ledger.Collections;
import org.microloan.ledger.LoanSettledException;
import org.microloan.ledger.PayoffExceededException;
import org.microloan.ledger.RepaymentRefusedException;
import org.microloan.moneyin.RailCollections;
import org.microloan.origination.intake.InvalidApplicationException;
import org.microloan.origination.store.DynamoFailures;
import org.microloan.workflow.ConcurrentUpdateException;
import org.microloan.workflow.IllegalTransitionException;
import org.microloan.workflow.KeyReusedException;
import org.microloan.workflow.StoreUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

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
    public Response keyReused(KeyReusedException e) {
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
    public Response webhookRefused(WebhookRefusedException e) {
        return Problem.response(401, "webhook-refused", "The webhook was not accepted", e.getMessage());
    }

    /** A webhook delivery that is not genuine (or from nobody we know): refused before it is read. */
    public static class WebhookRefusedException extends RuntimeException {
        public WebhookRefusedException(String why) {
            super(why);
        }
    }

    /** A well-formed request this API will not do as sent: 422, naming the field and what to send instead. */
    public static class RefusedException extends RuntimeException {
        final String type;
        final String field;

        public RefusedException(String type, String field, String detail) {
            super(detail);
            this.type = type;
            this.field = field;
        }
    }

    @ServerExceptionMapper
    public Response refused(RefusedException e) {
        return Problem.response(422, e.type, "Refused as sent", e.getMessage(),
                List.of(new Problem.Field(e.field, e.getMessage())));
    }

    @ServerExceptionMapper
    public Response noBoundAccount(RailCollections.NoBoundAccountException e) {
        return Problem.response(409, "no-bound-account", "No account to collect from", e.getMessage());
    }

    @ServerExceptionMapper
    public Response contradicted(Collections.ContradictedException e) {
        return Problem.response(409, "collection-contradicted", "The collection already has a final outcome",
                e.getMessage());
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

    /** A rule of conduct or control forbids it for this person or now, whatever their role: the rule is named. */
    public static class RuleException extends RuntimeException {
        final String type;

        public RuleException(String type, String detail) {
            super(detail);
            this.type = type;
        }
    }

    @ServerExceptionMapper
    public Response rule(RuleException e) {
        return Problem.response(403, e.type, "A rule forbids it", e.getMessage());
    }

    /** The deployment lacks a setting this endpoint needs: not the caller's fault, and not a bug. */
    public static class NotConfiguredException extends RuntimeException {
        public NotConfiguredException(String detail) {
            super(detail);
        }
    }

    @ServerExceptionMapper
    public Response notConfigured(NotConfiguredException e) {
        return Problem.response(503, "not-configured", "Not configured in this deployment", e.getMessage());
    }

    /** The caller decided on a version of the resource that has changed since (If-Match). */
    public static class StaleException extends RuntimeException {
        public StaleException(String detail) {
            super(detail);
        }
    }

    @ServerExceptionMapper
    public Response stale(StaleException e) {
        return Problem.response(412, "stale-decision", "Changed since you read it", e.getMessage());
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
    public Response loanSettled(LoanSettledException e) {
        return Problem.response(409, "loan-settled", "The loan is repaid in full", e.getMessage());
    }

    @ServerExceptionMapper
    public Response repaymentRefused(RepaymentRefusedException e) {
        return Problem.response(422, "repayment-refused", "The loan cannot take this repayment", e.getMessage(),
                List.of(new Problem.Field("/amount", e.getMessage())));
    }

    /** Two requests changed the same thing at once: this one lost, and may simply be sent again. */
    @ServerExceptionMapper
    public Response concurrentUpdate(ConcurrentUpdateException e) {
        return Problem.response(409, "concurrent-update", "Changed by another request at the same moment",
                "send the same request again (with the same Idempotency-Key)");
    }

    /** The application moved on (the workflow or another person got there first). */
    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return Problem.response(409, "status-changed", "The application is no longer in that status",
                e.getMessage() + ": read the application again");
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        LOG.warnf("store unavailable: %s", Mask.digitRuns(e.getMessage()));
        return busy();
    }

    /** DynamoDB throttled, failing or out of reach after the SDK's own tries: a moment's unavailability. */
    @ServerExceptionMapper
    public Response dynamo(DynamoDbException e) {
        return DynamoFailures.passing(e) ? unavailable("DynamoDB", e) : unexpected(e);
    }

    private static Response unavailable(String service, AwsServiceException e) {
        LOG.warnf("%s unavailable: %s", service, e.awsErrorDetails() == null ? e.statusCode() : e.awsErrorDetails().errorCode());
        return busy();
    }

    private static Response busy() {
        return Response.fromResponse(Problem.response(503, "unavailable", "Busy for a moment",
                "send the same request again in a few seconds (with the same Idempotency-Key)")).header("Retry-After", "5").build();
    }

    /**
     * Step Functions refused: a task nobody waits on any more (answered, timed out, the execution ended) is
     * the caller's conflict; throttling or Step Functions' own failure is a moment's unavailability.
     */
    @ServerExceptionMapper
    public Response workflow(SfnException e) {
        if (e instanceof TaskDoesNotExistException || e instanceof InvalidTokenException || e instanceof TaskTimedOutException) {
            return Problem.response(409, "workflow-not-waiting", "The workflow is no longer waiting on this",
                    "read the application again: it has moved on");
        }
        if (e instanceof ExecutionAlreadyExistsException) {
            return Problem.response(409, "execution-exists", "That workflow execution exists already",
                    "read the application: its workflow is running or has run");
        }
        return e.isThrottlingException() || e.statusCode() >= 500 ? unavailable("Step Functions", e) : unexpected(e);
    }

    /** A bug: its stack trace is logged with the request id (digit runs starred), and the caller gets that id. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        LOG.errorf("unexpected failure: %s", Mask.digitRuns(trace.toString()));
        return Problem.response(500, "internal", "Something went wrong on our side",
                "try again later; if it persists, quote request id " + MDC.get("requestId"));
    }
}
