package org.microloan.localstack.states;

/** Lambda's Invoke, as the Step Functions integrations need it: a payload in, a payload or a function error out. */
public interface Lambdas {

    /**
     * @param functionName a name or an ARN
     * @return the function's answer; {@code functionError} is set when the function reported an error, and the
     *         payload is then its error document ({@code errorMessage}, {@code errorType})
     */
    Invocation invoke(String functionName, byte[] payload);

    record Invocation(byte[] payload, String functionError) {
    }

    /** Lambda itself could not run the function (unknown, not starting): Step Functions' Lambda.* errors. */
    class ServiceException extends RuntimeException {
        private final String error;

        public ServiceException(String error, String message) {
            super(message);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }
}
