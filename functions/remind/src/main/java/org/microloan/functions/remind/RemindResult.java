package org.microloan.functions.remind;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the page did, and where the next one starts ({@code more} false on the last page); {@code collected}
 * and {@code notCollected} count the auto-debits the rail answered SUCCEEDED and anything else.
 */
@RegisterForReflection
public record RemindResult(LocalDate businessDate, int loans, int contactsRecorded, int sent, int deferred,
                           int collected, int notCollected, String lastLoanId, boolean more) {
}
