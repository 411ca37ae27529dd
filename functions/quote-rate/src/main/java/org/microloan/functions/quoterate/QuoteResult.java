package org.microloan.functions.quoterate;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the workflow carries on: the offer's id, its APR and amount, and when it expires. The offer itself is stored. */
@RegisterForReflection
public record QuoteResult(String applicationId, String offerId, String apr, String amount, Instant expiresAt) {
}
