package org.microloan.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microloan.money.Rate;

class DueDatesTest {

    private static List<LocalDate> dueDates(String start, String firstDue, Frequency frequency, int count) {
        LocalDate from = LocalDate.parse(start);
        LocalDate first = firstDue == null ? DueDates.defaultFirstDue(from, frequency) : LocalDate.parse(firstDue);
        return DueDates.periods(from, first, frequency, count).stream().map(InterestPeriod::end).toList();
    }

    @Test
    void monthly_keepsTheSeedDayThroughShortMonths() {
        assertThat(dueDates("2023-12-31", null, Frequency.MONTHLY, 4)).containsExactly(
                LocalDate.parse("2024-01-31"), LocalDate.parse("2024-02-29"),
                LocalDate.parse("2024-03-31"), LocalDate.parse("2024-04-30"));
    }

    @Test
    void monthly_fromAnAgreedFirstDueDate_keepsThatDay() {
        assertThat(dueDates("2025-01-10", "2025-01-31", Frequency.MONTHLY, 3)).containsExactly(
                LocalDate.parse("2025-01-31"), LocalDate.parse("2025-02-28"), LocalDate.parse("2025-03-31"));
    }

    @Test
    void quarterly_keepsTheSeedDay() {
        assertThat(dueDates("2025-11-30", null, Frequency.QUARTERLY, 3)).containsExactly(
                LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-30"), LocalDate.parse("2026-08-30"));
    }

    @Test
    void periods_regularStepsAreWholeMonths_brokenFirstPeriodIsNot() {
        List<InterestPeriod> periods = DueDates.periods(
                LocalDate.parse("2025-01-10"), LocalDate.parse("2025-01-31"), Frequency.MONTHLY, 2);

        assertThat(periods).extracting(InterestPeriod::months).containsExactly(0, 1);
        assertThat(periods.get(0).actualDays()).isEqualTo(21);
    }

    @Test
    void thirty360_everyWholeMonthIsOneTwelfth() {
        List<InterestPeriod> periods = DueDates.periods(
                LocalDate.parse("2024-01-31"), LocalDate.parse("2024-02-29"), Frequency.MONTHLY, 3);

        assertThat(periods).allSatisfy(p -> assertThat(DayCount.THIRTY_360.yearFraction(p))
                .isEqualByComparingTo(days(1, 12)));
    }

    @Test
    void thirty360_days_usBondBasis() {
        assertThat(DayCount.THIRTY_360.days(LocalDate.parse("2026-01-31"), LocalDate.parse("2026-03-31"))).isEqualTo(60);
        assertThat(DayCount.THIRTY_360.days(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-03-31"))).isEqualTo(76);
        assertThat(DayCount.ACT_365.days(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-03-31"))).isEqualTo(75);
    }

    @Test
    void actual365_isActualDaysOver365() {
        InterestPeriod february = new InterestPeriod(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"), 1);

        assertThat(DayCount.ACT_365.yearFraction(february)).isEqualByComparingTo(days(28, 365));
        assertThat(DayCount.ACT_360.yearFraction(february)).isEqualByComparingTo(days(28, 360));
    }

    private static BigDecimal days(long days, long year) {
        return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(year), Rate.CONTEXT);
    }

    @Test
    void dayCount_fromLabel_namesTheAcceptedValues() {
        assertThat(DayCount.fromLabel("act/365")).isEqualTo(DayCount.ACT_365);
        assertThatThrownBy(() -> DayCount.fromLabel("ACT/ACT"))
                .hasMessage("unknown day count 'ACT/ACT': use one of 30/360, ACT/360, ACT/365");
    }

    @Test
    void firstDueMustFollowTheStart() {
        assertThatThrownBy(() -> DueDates.periods(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-10"),
                Frequency.MONTHLY, 3)).hasMessageContaining("must be after the start");
    }
}
