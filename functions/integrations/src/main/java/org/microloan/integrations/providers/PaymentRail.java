package org.microloan.integrations.providers;

/**
 * The payment rail: payouts to a beneficiary and collections (debits) from a borrower's bound account. The
 * same {@code Idempotency-Key} always means the same payout or collection: sending it again returns the
 * first and moves no money.
 *
 * <pre>
 * POST {rail}/v1/payouts            Idempotency-Key: disburse-APPLICATION_ID
 * {"reference":"APPLICATION_ID","amount":"3000.00","currency":"CNY","payee":"BORROWER|MERCHANT|SCHOOL",
 *  "beneficiaryName":"张三","beneficiaryAccount":"6222021234567890123"}
 * 200/201 {"payoutId":"po-5d1e","status":"SETTLED|PENDING","amount":"3000.00"}
 *
 * POST {rail}/v1/collections        Idempotency-Key: collect-COLLECTION_ID
 * {"reference":"COLLECTION_ID","amount":"1066.19","currency":"CNY","payerName":"张三",
 *  "payerAccount":"6222021234567890123"}
 * 200/201 {"collectionId":"co-77","status":"SUCCEEDED|FAILED|PENDING","amount":"1066.19","reason":"INSUFFICIENT_FUNDS"}
 *
 * later, for a PENDING one, a Standard Webhooks callback signed with the rail's secret:
 * POST {platform}/v1/rail/callbacks  webhook-id, webhook-timestamp, webhook-signature
 * {"type":"collection.settled","collectionId":"co-77","reference":"COLLECTION_ID","status":"SUCCEEDED|FAILED",
 *  "amount":"1066.19","reason":null}
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

    record CollectionRequest(String reference, String amount, String currency, String payerName, String payerAccount) {
        @Override
        public String toString() {
            return "PaymentRail.CollectionRequest[" + reference + " " + amount + " " + currency + "]";
        }
    }

    /** @param status SUCCEEDED, FAILED (with a reason such as INSUFFICIENT_FUNDS) or PENDING (a callback follows) */
    record Collection(String collectionId, String status, String amount, String reason) {
    }

    Collection collect(CollectionRequest request, String idempotencyKey);
}
