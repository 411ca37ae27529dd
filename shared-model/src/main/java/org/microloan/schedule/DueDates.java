package org.microloan.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The due dates of a schedule. Each is counted from the first due date, never from the one before, so
 * the seed day of month survives short months: 31 Jan → 28/29 Feb → 31 Mar.
 */
public final class DueDates {

    private DueDates() {
    }

    /** The first due date when none is agreed: one step of the frequency after the start. */
    public static LocalDate defaultFirstDue(LocalDate start, Frequency frequency) {
        return start.plusMonths(frequency.months());
    }

    /**
     * The interest periods of a schedule. When the first period is a regular step, the dates are counted
     * from the start (its day of month is the seed); otherwise from the agreed first due date.
     */
    public static List<InterestPeriod> periods(LocalDate start, LocalDate firstDue, Frequency frequency, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a schedule needs at least one period, not " + count);
        }
        if (!firstDue.isAfter(start)) {
            throw new IllegalArgumentException("the first due date " + firstDue + " must be after the start " + start);
        }
        int step = frequency.months();
        boolean regular = firstDue.equals(start.plusMonths(step));
        LocalDate seed = regular ? start : firstDue;
        int offset = regular ? step : 0;
        List<InterestPeriod> periods = new ArrayList<>(count);
        LocalDate periodStart = start;
        for (int k = 0; k < count; k++) {
            LocalDate due = seed.plusMonths(offset + (long) k * step);
            periods.add(new InterestPeriod(periodStart, due, regular || k > 0 ? step : 0));
            periodStart = due;
        }
        return List.copyOf(periods);
    }
}
