package org.microloan.integrations.providers;

/**
 * The payment rail. The same {@code Idempotency-Key} always means the same payout: sending it again
 * returns the first payout and moves no money.
 *
 * <pre>
 * POST {rail}/v1/payouts            Idempotency-Key: disburse-APPLICATION_ID
 * {"reference":"APPLICATION_ID","amount":"3000.00","currency":"CNY","payee":"BORROWER|MERCHANT|SCHOOL",
 *  "beneficiaryName":"张三","beneficiaryAccount":"6222021234567890123"}
 * 200/201 {"payoutId":"po-5d1e","status":"SETTLED|PENDING","amount":"3000.00"}
 * </pre>
 */
public interface PaymentRail {

    record Request(String reference, String amount, String currency, String payee, String beneficiaryName,
                   String beneficiaryAccount) {
        @Override
        public String toString() {
            return "PaymentRail.Request[" + reference + " " + amount + " " + currency + "]";
        }
    }

    record Payout(String payoutId, String status, String amount) {
    }

    Payout pay(Request request, String idempotencyKey);
}
