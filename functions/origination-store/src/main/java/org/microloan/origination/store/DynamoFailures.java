package org.microloan.origination.store;

import java.util.function.Supplier;

import org.microloan.workflow.StoreUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Names what DynamoDB could not do after the client's own retries by the failure contract: throttled, 5xx
 * or unreachable is a {@link StoreUnavailableException} (retried by the workflow); every other answer (a
 * failed condition, a bad request) stays as the SDK threw it, for the caller to read. (An SDK interceptor
 * cannot do this: it may only hand back an exception of the SDK's own class.)
 */
public final class DynamoFailures {

    private DynamoFailures() {
    }

    /** Whether the failure passes with time. */
    public static boolean passing(SdkException e) {
        return e instanceof SdkClientException
                || e instanceof AwsServiceException service && (service.isThrottlingException() || service.statusCode() >= 500);
    }

    /** The work, with a DynamoDB failure that passes with time named {@link StoreUnavailableException}. */
    public static <T> T named(Supplier<T> work) {
        try {
            return work.get();
        } catch (SdkException e) {
            throw passing(e) ? new StoreUnavailableException("DynamoDB", e) : e;
        }
    }
}
