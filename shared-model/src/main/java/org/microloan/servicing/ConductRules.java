package org.microloan.servicing;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Collections conduct, enforced (PRODUCT.md §5): nothing between 22:00 and 08:00 borrower local time
 * (deferred to 08:00), at most six unanswered call attempts a day to one number, and never a word about the
 * debt to anyone but the borrower.
 */
public record ConductRules(LocalTime quietFrom, LocalTime quietUntil, int maxUnansweredCallsPerDay) {

    /** A rule a call would break; {@code code} is what the API's refusal is called. */
    public enum Breach {
        QUIET_HOURS("quiet-hours"),
        UNANSWERED_LIMIT("unanswered-limit"),
        THIRD_PARTY_DISCLOSURE("third-party-disclosure");

        public final String code;

        Breach(String code) {
            this.code = code;
        }
    }

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

    /**
     * The rule a call at {@code at} would break, if any.
     *
     * @param unansweredToday unanswered calls to the same number that day (borrower local time)
     * @param aboutTheDebt    the call is about the loan: allowed with the borrower alone
     */
    public Optional<Breach> breachedBy(Instant at, ZoneId borrowerZone, CallParty party, boolean aboutTheDebt,
                                       int unansweredToday) {
        if (!sendAt(at, borrowerZone).equals(at)) {
            return Optional.of(Breach.QUIET_HOURS);
        }
        if (party == CallParty.THIRD_PARTY && aboutTheDebt) {
            return Optional.of(Breach.THIRD_PARTY_DISCLOSURE);
        }
        return mayCall(unansweredToday) ? Optional.empty() : Optional.of(Breach.UNANSWERED_LIMIT);
    }

    /** Why, in words a collector reads. */
    public String explain(Breach breach) {
        return switch (breach) {
            case QUIET_HOURS -> "no calls between " + quietFrom + " and " + quietUntil + " borrower time";
            case UNANSWERED_LIMIT -> maxUnansweredCallsPerDay + " unanswered calls to this number today: no more until "
                    + quietUntil + " tomorrow";
            case THIRD_PARTY_DISCLOSURE -> "the debt is never discussed with anyone but the borrower: log a call to a "
                    + "third party only to reach the borrower (aboutTheDebt false)";
        };
    }

    /**
     * The first moment from {@code now} a call to a number may be made: now, 08:00 after a quiet night, or
     * 08:00 tomorrow once the day's unanswered calls are used up.
     */
    public Instant nextCallAt(Instant now, ZoneId borrowerZone, int unansweredToday) {
        if (mayCall(unansweredToday)) {
            return sendAt(now, borrowerZone);
        }
        // calls before quiet-until are refused, so a day's count is used up only after it: tomorrow, then
        return now.atZone(borrowerZone).toLocalDate().plusDays(1).atTime(quietUntil).atZone(borrowerZone).toInstant();
    }
}
