package org.microloan.api;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import org.microloan.partner.WebhookSignature;

/** Standard Webhooks deliveries to us (partners' submissions, the rail's callbacks): checked before anything is read. */
final class SignedWebhooks {

    private SignedWebhooks() {
    }

    /** @throws Problems.WebhookRefusedException saying why: stale, unsigned or wrongly signed */
    static void verify(String secret, String webhookId, String timestamp, HttpHeaders headers, byte[] body, Instant now) {
        // "v1,<base64> v1,<base64>": comma-separated header values may arrive split; joined back, they are exact
        List<String> parts = headers.getRequestHeader("webhook-signature");
        String signature = parts == null || parts.isEmpty() ? null : String.join(",", parts);
        String refusal = WebhookSignature.refusal(secret, webhookId, timestamp, signature, body, now);
        if (refusal != null) {
            throw new Problems.WebhookRefusedException(refusal);
        }
    }
}
