package org.microloan.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microloan.schedule.RepaymentMethod.DAILY_ACCRUAL;
import static org.microloan.schedule.RepaymentMethod.EQUAL_INSTALLMENT;
import static org.microloan.schedule.RepaymentMethod.EQUAL_PRINCIPAL;
import static org.microloan.schedule.RepaymentMethod.FLAT;
import static org.microloan.schedule.RepaymentMethod.INTEREST_ONLY;
import static org.microloan.testing.Loans.monthly;
import static org.microloan.testing.Loans.terms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;

class RepaymentScheduleTest {

    /** "due date | principal | interest | total | balance" of every installment. */
    private static List<String> lines(RepaymentSchedule schedule) {
        return schedule.installments().stream()
                .map(i -> i.dueDate() + " " + i.principal() + " " + i.interest() + " " + i.total() + " " + i.balance())
                .toList();
    }

    @Test
    void equalInstallment_thirty360_matchesHandCheckedFigures() {
        RepaymentSchedule schedule = RepaymentSchedule.of(
                terms("12000", "24", 4, EQUAL_INSTALLMENT, DayCount.THIRTY_360, "2011-09-20"));

        assertThat(schedule.emi()).contains(Money.of("3151.49"));
        assertThat(lines(schedule)).containsExactly(
                "2011-10-20 2911.49 240.00 3151.49 9088.51",
                "2011-11-20 2969.72 181.77 3151.49 6118.79",
                "2011-12-20 3029.11 122.38 3151.49 3089.68",
                "2012-01-20 3089.68 61.79 3151.47 0.00");
        assertThat(schedule.totalInterest()).hasToString("605.94");
        assertThat(schedule.totalPrincipal()).hasToString("12000.00");
    }

    @Test
    void equalInstallment_halfEven_roundsInterestToEven() {
        LoanTerms halfUp = terms("100", "7", 6, EQUAL_INSTALLMENT, DayCount.THIRTY_360, "2024-01-01");
        LoanTerms halfEven = new LoanTerms(halfUp.principal(), halfUp.annualRate(), 6, EQUAL_INSTALLMENT,
                DayCount.THIRTY_360, Frequency.MONTHLY, halfUp.start(), null, RoundingMode.HALF_EVEN, Money.ZERO);

        assertThat(lines(RepaymentSchedule.of(halfEven))).containsExactly(
                "2024-02-01 16.43 0.58 17.01 83.57",
                "2024-03-01 16.52 0.49 17.01 67.05",
                "2024-04-01 16.62 0.39 17.01 50.43",
                "2024-05-01 16.72 0.29 17.01 33.71",
                "2024-06-01 16.81 0.20 17.01 16.90",
                "2024-07-01 16.90 0.10 17.00 0.00");
        // 16.90 × 7%/12 = 0.098583…; 50.43 × 7%/12 = 0.294175 rounds the same both ways; the modes differ on ties only
        assertThat(RepaymentSchedule.of(halfUp).totalInterest()).isEqualTo(RepaymentSchedule.of(halfEven).totalInterest());
    }

    @Test
    void equalInstallment_actual360_chargesEachPeriodItsOwnDays() {
        RepaymentSchedule schedule = RepaymentSchedule.of(
                terms("10000", "7.2", 3, EQUAL_INSTALLMENT, DayCount.ACT_360, "2026-01-31"));

        // r_j = 7.2% × days / 360 = 0.0002 a day: 28 days in Feb, 31 to 31 Mar, 30 to 30 Apr
        assertThat(schedule.installments()).extracting(i -> i.period().actualDays()).containsExactly(28L, 31L, 30L);
        assertThat(schedule.installments()).extracting(Installment::dueDate).containsExactly(
                LocalDate.parse("2026-02-28"), LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-30"));
        assertThat(lines(schedule)).containsExactly(
                "2026-02-28 3316.52 56.00 3372.52 6683.48",
                "2026-03-31 3331.08 41.44 3372.52 3352.40",
                "2026-04-30 3352.40 20.11 3372.51 0.00");
    }

    @Test
    void equalPrincipal_samePrincipalEachPeriod_residueInTheLast() {
        RepaymentSchedule schedule = RepaymentSchedule.of(monthly("1000", "12", 3, EQUAL_PRINCIPAL));

        assertThat(schedule.emi()).isEmpty();
        assertThat(lines(schedule)).containsExactly(
                "2026-02-01 333.33 10.00 343.33 666.67",
                "2026-03-01 333.33 6.67 340.00 333.34",
                "2026-04-01 333.34 3.33 336.67 0.00");
    }

    @Test
    void interestOnly_quarterly_principalAtMaturity() {
        LoanTerms monthly = monthly("100000", "8", 4, INTEREST_ONLY);
        LoanTerms quarterly = new LoanTerms(monthly.principal(), monthly.annualRate(), 4, INTEREST_ONLY,
                DayCount.THIRTY_360, Frequency.QUARTERLY, LocalDate.parse("2026-01-31"), null, RoundingMode.HALF_UP, Money.ZERO);

        assertThat(lines(RepaymentSchedule.of(quarterly))).containsExactly(
                "2026-04-30 0.00 2000.00 2000.00 100000.00",
                "2026-07-31 0.00 2000.00 2000.00 100000.00",
                "2026-10-31 0.00 2000.00 2000.00 100000.00",
                "2027-01-31 100000.00 2000.00 102000.00 0.00");
    }

    @Test
    void dailyAccrual_interestIsPrincipalTimesDailyRateTimesActualDays() {
        LoanTerms terms = new LoanTerms(Money.of("5000"),
                LoanTerms.annualRateFromDaily(new BigDecimal("0.0005"), DayCount.ACT_360), 2, DAILY_ACCRUAL,
                DayCount.ACT_360, Frequency.MONTHLY, LocalDate.parse("2026-01-15"), null, RoundingMode.HALF_UP, Money.ZERO);

        // 5000 × 0.05% × 31 days = 77.50; × 28 days = 70.00
        assertThat(lines(RepaymentSchedule.of(terms))).containsExactly(
                "2026-02-15 0.00 77.50 77.50 5000.00",
                "2026-03-15 5000.00 70.00 5070.00 0.00");
    }

    @Test
    void dailyAccrual_underThirty360_stillCountsActualDays() {
        // 18% / 360 = 0.05% a day, for the 31 actual days of January
        assertThat(lines(RepaymentSchedule.of(terms("5000", "18", 1, DAILY_ACCRUAL, DayCount.THIRTY_360, "2026-01-01"))))
                .containsExactly("2026-02-01 5000.00 77.50 5077.50 0.00");
    }

    @Test
    void flat_chargesInterestOnTheOriginalPrincipal() {
        RepaymentSchedule schedule = RepaymentSchedule.of(monthly("12000", "12", 3, FLAT));

        assertThat(lines(schedule)).containsExactly(
                "2026-02-01 4000.00 120.00 4120.00 8000.00",
                "2026-03-01 4000.00 120.00 4120.00 4000.00",
                "2026-04-01 4000.00 120.00 4120.00 0.00");
    }

    @Test
    void flat_chargesTheSameInterestEveryMonth_whateverTheDayCount() {
        // not 30.58 / 27.62 / 30.58 by the days of January, February and March: 3000 × 12% / 12 each month
        for (DayCount dayCount : DayCount.values()) {
            assertThat(lines(RepaymentSchedule.of(terms("3000", "12", 3, FLAT, dayCount, "2026-01-01"))))
                    .as(dayCount.label()).containsExactly(
                            "2026-02-01 1000.00 30.00 1030.00 2000.00",
                            "2026-03-01 1000.00 30.00 1030.00 1000.00",
                            "2026-04-01 1000.00 30.00 1030.00 0.00");
        }
    }

    @Test
    void zeroRate_equalInstallmentIsPrincipalOverPeriods() {
        RepaymentSchedule schedule = RepaymentSchedule.of(monthly("1000", "0", 3, EQUAL_INSTALLMENT));

        assertThat(schedule.emi()).contains(Money.of("333.33"));
        assertThat(lines(schedule)).containsExactly(
                "2026-02-01 333.33 0.00 333.33 666.67",
                "2026-03-01 333.33 0.00 333.33 333.34",
                "2026-04-01 333.34 0.00 333.34 0.00");
    }

    @Test
    void brokenFirstPeriod_thirty360_countsItsDays() {
        LoanTerms terms = new LoanTerms(Money.of("10000"), new BigDecimal("0.12"), 2, INTEREST_ONLY,
                DayCount.THIRTY_360, Frequency.MONTHLY, LocalDate.parse("2026-01-10"), LocalDate.parse("2026-02-25"),
                RoundingMode.HALF_UP, Money.ZERO);

        // 10 Jan → 25 Feb is 45 days under 30/360: 10000 × 12% × 45/360 = 150.00; then a whole month, 100.00
        assertThat(lines(RepaymentSchedule.of(terms))).containsExactly(
                "2026-02-25 0.00 150.00 150.00 10000.00",
                "2026-03-25 10000.00 100.00 10100.00 0.00");
    }

    @Test
    void periodWhoseInterestExceedsTheInstallment_paysTheInterestAndNeverAddsToTheBalance() {
        // 70 years of quarters on ACT/360: a 92-day quarter charges 890.28, more than the 890.25 installment
        LoanTerms terms = new LoanTerms(Money.of("50000"), new BigDecimal("0.0697"), 282, EQUAL_INSTALLMENT,
                DayCount.ACT_360, Frequency.QUARTERLY, LocalDate.parse("2020-01-01"), null, RoundingMode.HALF_UP, Money.ZERO);

        Installment third = RepaymentSchedule.of(terms).installments().get(2);

        assertThat(third.interest()).isEqualTo(Money.of("890.28"));
        assertThat(third.principal()).isEqualTo(Money.ZERO);
        assertThat(third.balance()).isEqualTo(third.openingBalance());
    }
}
