package org.microloan.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.microloan.money.Rate;

/** How a period's length is turned into a fraction of a year: the product's day-count convention. */
public enum DayCount {
    /** 30 days a month, 360 a year: every whole month is exactly 1/12. */
    THIRTY_360("30/360", 360),
    /** Actual days over 360: the PBoC convention, daily rate = annual rate / 360. */
    ACT_360("ACT/360", 360),
    /** Actual days over 365. */
    ACT_365("ACT/365", 365);

    private final String label;
    private final int daysInYear;

    DayCount(String label, int daysInYear) {
        this.label = label;
        this.daysInYear = daysInYear;
    }

    public String label() {
        return label;
    }

    /** The divisor that turns an annual rate into a daily one. */
    public int daysInYear() {
        return daysInYear;
    }

    public static DayCount fromLabel(String label) {
        return Arrays.stream(values())
                .filter(d -> d.label.equalsIgnoreCase(label) || d.name().equalsIgnoreCase(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown day count '" + label + "': use one of " + labels()));
    }

    public static String labels() {
        return Arrays.stream(values()).map(DayCount::label).collect(Collectors.joining(", "));
    }

    /**
     * The year fraction of a schedule period. Under 30/360 a regular period of m whole months is m/12,
     * whatever the calendar does to its end days; a broken period counts 30/360 days.
     */
    public BigDecimal yearFraction(InterestPeriod period) {
        if (this == THIRTY_360 && period.months() > 0) {
            return BigDecimal.valueOf(period.months()).divide(BigDecimal.valueOf(12), Rate.CONTEXT);
        }
        return BigDecimal.valueOf(days(period.start(), period.end()))
                .divide(BigDecimal.valueOf(daysInYear), Rate.CONTEXT);
    }

    /**
     * Days between two dates under this convention. 30/360 (US bond basis):
     * 360·(Y2−Y1) + 30·(M2−M1) + (D2−D1), with D1 = 31 → 30, and D2 = 31 → 30 when D1 ≥ 30.
     */
    public long days(LocalDate from, LocalDate to) {
        if (this != THIRTY_360) {
            return ChronoUnit.DAYS.between(from, to);
        }
        int d1 = Math.min(from.getDayOfMonth(), 30);
        int d2 = to.getDayOfMonth() == 31 && d1 == 30 ? 30 : to.getDayOfMonth();
        return 360L * (to.getYear() - from.getYear()) + 30L * (to.getMonthValue() - from.getMonthValue()) + (d2 - d1);
    }

    @Override
    public String toString() {
        return label;
    }
}
