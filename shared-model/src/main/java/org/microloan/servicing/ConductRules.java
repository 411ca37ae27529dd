package org.microloan.servicing;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Collections conduct, enforced (PRODUCT.md §5): nothing between 22:00 and 08:00 borrower local time
 * (deferred to 08:00), and at most six unanswered call attempts a day.
 */
public record ConductRules(LocalTime quietFrom, LocalTime quietUntil, int maxUnansweredCallsPerDay) {


    /** When a contact planned for {@code planned} may go out: then, or 08:00 after a quiet night. */
    public Instant sendAt(Instant planned, ZoneId borrowerZone) {
        ZonedDateTime local = planned.atZone(borrowerZone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(quietFrom)) {
            return local.toLocalDate().plusDays(1).atTime(quietUntil).atZone(borrowerZone).toInstant();
        }
        if (time.isBefore(quietUntil)) {
            return local.toLocalDate().atTime(quietUntil).atZone(borrowerZone).toInstant();
        }
        return planned;
    }

    public boolean mayCall(int unansweredToday) {
        return unansweredToday < maxUnansweredCallsPerDay;
    }
}
