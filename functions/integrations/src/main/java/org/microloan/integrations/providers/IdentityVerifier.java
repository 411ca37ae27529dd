package org.microloan.integrations.providers;

/**
 * The KYC provider: three factors (name, ID number, mobile) and liveness.
 *
 * <pre>
 * POST {kyc}/v1/verifications
 * {"reference":"APPLICATION_ID","name":"张三","idNumber":"11010519491231002X","mobile":"13812345678",
 *  "livenessToken":"…"}
 * 200 {"verificationId":"kyc-7f3a","match":"MATCH|NO_MATCH","liveness":"PASS|FAIL"}
 * 4xx the request is wrong (not retried); 5xx or no answer within the timeout: retried, then unavailable
 * </pre>
 */
public interface IdentityVerifier {

    record Request(String reference, String name, String idNumber, String mobile, String livenessToken) {
        @Override
        public String toString() {
            return "IdentityVerifier.Request[" + reference + "]";
        }
    }

    record Result(String verificationId, String match, String liveness) {
        public boolean passed() {
            return "MATCH".equals(match) && "PASS".equals(liveness);
        }
    }

    Result verify(Request request);
}
