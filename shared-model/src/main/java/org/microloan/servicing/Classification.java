package org.microloan.servicing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A loan's five-tier class on a business date. Lateness downgrades at once; while arrears remain the
 * class never improves; once they are cleared the loan returns to NORMAL, after the configured
 * observation period.
 *
 * @param observationDays days a loan must stay clear of arrears before it is NORMAL again (0: at once)
 */
public record Classification(int observationDays) {

    /** A change of class, with its date and why. */
    public record Change(FiveTierClass from, FiveTierClass to, LocalDate on, String reason) {
    }

    /**
     * @param current        the class recorded so far
     * @param daysPastDue    today's days past due (0 when nothing is overdue)
     * @param arrearsCleared the day the arrears were last cleared, if they are cleared
     */
    public Optional<Change> on(LocalDate date, FiveTierClass current, long daysPastDue, Optional<LocalDate> arrearsCleared) {
        FiveTierClass next;
        String reason;
        if (daysPastDue > 0) {
            next = current.worse(FiveTierClass.byDaysPastDue(daysPastDue));
            reason = daysPastDue + " days past due";
        } else if (current != FiveTierClass.NORMAL && arrearsCleared.isPresent()
                && ChronoUnit.DAYS.between(arrearsCleared.get(), date) >= observationDays) {
            next = FiveTierClass.NORMAL;
            reason = "arrears cleared on " + arrearsCleared.get()
                    + (observationDays > 0 ? " and " + observationDays + " days observed" : "");
        } else {
            return Optional.empty();
        }
        return next == current ? Optional.empty() : Optional.of(new Change(current, next, date, reason));
    }
}
