package org.microloan.functions.remind;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of the daily run: the business date, where the page starts (the last loan id of the page
 * before, none for the first), its size, and the moment of the run (the scheduler's; the local stack's
 * clock may move it).
 */
@RegisterForReflection
public record RemindInput(LocalDate businessDate, String after, Integer pageSize, Instant now) {
}
