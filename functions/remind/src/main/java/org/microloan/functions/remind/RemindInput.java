package org.microloan.functions.remind;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of the daily run: the business date, where the page starts (the last id of the page before,
 * none for the first), its size, the moment of the run (the scheduler's; the local stack's clock may move
 * it), and which part: LOANS (every day, the default) or LINES (the credit-line reviews, at quarter ends).
 */
@RegisterForReflection
public record RemindInput(LocalDate businessDate, String after, Integer pageSize, Instant now, String part) {

    public boolean lines() {
        return "LINES".equals(part);
    }
}
