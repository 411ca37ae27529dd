package org.microloan.servicing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.microloan.money.Money;
import org.microloan.money.Rate;
import org.microloan.schedule.DayCount;

/** 罚息: interest charged on principal that is overdue, for the days it is overdue. */
public final class PenaltyInterest {

    private PenaltyInterest() {
    }

    /** overdue principal × annual penalty rate × days overdue / days in the year of the day count. */
    public static Money accrue(Money overduePrincipal, BigDecimal annualPenaltyRate, long daysOverdue,
                               DayCount dayCount, RoundingMode rounding) {
        if (daysOverdue <= 0) {
            return Money.ZERO;
        }
        BigDecimal exact = overduePrincipal.amount()
                .multiply(annualPenaltyRate)
                .multiply(BigDecimal.valueOf(daysOverdue))
                .divide(BigDecimal.valueOf(dayCount.daysInYear()), Rate.CONTEXT);
        return Money.of(exact, rounding);
    }
}
