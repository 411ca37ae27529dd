package org.microloan.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The time one installment's interest runs for, from {@code start} (exclusive of nothing: the loan or
 * the previous due date) to {@code end} (the due date).
 *
 * @param months the whole months the period spans when it is a regular schedule step (31 Jan → 29 Feb
 *               is one month), 0 for an irregular (broken) period
 */
public record InterestPeriod(LocalDate start, LocalDate end, int months) {

    public InterestPeriod {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period must end after it starts: " + start + " → " + end);
        }
        if (months < 0) {
            throw new IllegalArgumentException("months must not be negative: " + months);
        }
    }

    public long actualDays() {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** Days from the start of the period to {@code date}, which must lie inside it. */
    public long daysElapsed(LocalDate date) {
        if (date.isBefore(start) || date.isAfter(end)) {
            throw new IllegalArgumentException(date + " is outside the period " + start + " → " + end);
        }
        return ChronoUnit.DAYS.between(start, date);
    }
}
