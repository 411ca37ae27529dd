package org.microloan.workflow;

import java.util.List;

/**
 * The contract between the steps and the definitions: a step reports a failure as the class name of what
 * it threw, and Step Functions retries only the names listed here (and Lambda's own service errors). Every
 * other failure, a permanent refusal or a bug, is caught at once and recorded on the application.
 */
public final class TransientFailures {

    /** Ours: what passes with time. */
    public static final List<String> OURS = List.of(ProviderUnavailableException.class.getName(),
            ConcurrentUpdateException.class.getName(), StoreUnavailableException.class.getName());

    /** Lambda's: the invoke itself failed, was throttled, or the function crashed or timed out (Lambda.Unknown). */
    public static final List<String> LAMBDA = List.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException", "Lambda.ClientExecutionTimeoutException",
            "Lambda.Unknown");

    /** The DynamoDB integration's: throttled or failing on DynamoDB's side. */
    public static final List<String> DYNAMODB = List.of("DynamoDB.ProvisionedThroughputExceededException",
            "DynamoDB.RequestLimitExceeded", "DynamoDB.ThrottlingException", "DynamoDB.InternalServerErrorException",
            "DynamoDB.AmazonDynamoDBException");

    private TransientFailures() {
    }
}
