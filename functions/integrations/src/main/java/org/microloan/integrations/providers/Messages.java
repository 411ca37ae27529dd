package org.microloan.integrations.providers;

import java.util.Map;

/**
 * The SMS/push provider. Only a template and masked parameters are sent; the provider fills the text.
 *
 * <pre>
 * POST {sms}/v1/messages             Idempotency-Key: CONTACT_ID
 * {"to":"13812345678","template":"OVERDUE_SMS","params":{"mobileTail":"5678","amount":"1066.19","days":"5"}}
 * 200 {"messageId":"m-77c1"}
 * </pre>
 */
public interface Messages {

    record Message(String to, String template, Map<String, String> params) {
        @Override
        public String toString() {
            return "Messages.Message[" + template + "]";
        }
    }

    record Receipt(String messageId) {
    }

    Receipt send(Message message, String idempotencyKey);
}
