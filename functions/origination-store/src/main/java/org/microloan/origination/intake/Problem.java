package org.microloan.origination.intake;

/** One thing wrong with a submission: the field (a JSON pointer) and what to send instead. */
public record Problem(String field, String detail) {
}
