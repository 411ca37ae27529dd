package org.microloan.workflow;

import java.time.Instant;

/** What the workflow carries on: the offer's id, its APR and amount, and when it expires. The offer itself is recorded. */
public record QuoteResult(String applicationId, String offerId, String apr, String amount, Instant expiresAt) {
}
