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

    /**
     * The DynamoDB writes of the definition itself (the AWS SDK integration, errors named {@code DynamoDb.} and
     * the exception): throttled, failing on DynamoDB's side, or not reached. A failed condition is not here:
     * the application is no longer where the write may happen.
     */
    public static final List<String> DYNAMODB = List.of("DynamoDb.ProvisionedThroughputExceededException",
            "DynamoDb.RequestLimitExceededException", "DynamoDb.ThrottlingException",
            "DynamoDb.InternalServerErrorException", "DynamoDb.SdkClientException");

    /**
     * Starting the decisioning sprint (the Step Functions integration, errors named {@code StepFunctions.}): too
     * many executions at once, or the service not reached. The sprint's own failures come back as its outcome.
     */
    public static final List<String> STEP_FUNCTIONS = List.of("StepFunctions.ExecutionLimitExceededException",
            "StepFunctions.SdkClientException", "StepFunctions.AWSStepFunctionsException");

    private TransientFailures() {
    }
}
