package org.microloan.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.testing.Loans;

class AnnualPercentageRateTest {

    @Test
    void upFrontFee_raisesTheAprAboveTheContractRate() {
        LoanTerms terms = new LoanTerms(Money.of("10000"), new BigDecimal("0.12"), 12, RepaymentMethod.EQUAL_INSTALLMENT,
                DayCount.THIRTY_360, Frequency.MONTHLY, LocalDate.parse("2026-01-01"), null, RoundingMode.HALF_UP,
                Money.of("200"));

        AnnualPercentageRate apr = AnnualPercentageRate.of(RepaymentSchedule.of(terms));

        assertThat(apr.percent()).hasToString("15.85");
        assertThat(apr.effectivePercent()).hasToString("17.06");
    }

    @Test
    void noFee_aprIsTheContractRate() {
        AnnualPercentageRate apr = AnnualPercentageRate.of(RepaymentSchedule.of(
                Loans.terms("12000", "24", 4, RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, "2011-09-20")));

        assertThat(apr.percent()).hasToString("24.00");
        assertThat(apr.effectivePercent()).hasToString("26.82");
    }

    @Test
    void cashFlows_onActualDays() {
        AnnualPercentageRate apr = AnnualPercentageRate.onActualDays(List.of(
                CashFlow.received(LocalDate.parse("2026-01-01"), Money.of("1000")),
                CashFlow.paid(LocalDate.parse("2026-01-31"), Money.of("1010"))));

        // (1.01)^(1/30) − 1 a day: × 365 = 12.108%, compounded = 12.870%
        assertThat(apr.percent()).hasToString("12.11");
        assertThat(apr.effectivePercent()).hasToString("12.87");
    }

    @Test
    void dailyAccrual_isSolvedOnActualDays() {
        LoanTerms terms = new LoanTerms(Money.of("5000"), LoanTerms.annualRateFromDaily(new BigDecimal("0.0005"),
                DayCount.ACT_360), 1, RepaymentMethod.DAILY_ACCRUAL, DayCount.ACT_360, Frequency.MONTHLY,
                LocalDate.parse("2026-03-01"), null, RoundingMode.HALF_UP, Money.ZERO);

        // one bullet after 31 days: 5077.50 for 5000, so a day's rate is 1.0155^(1/31) − 1 and 365 of them 18.11%
        assertThat(AnnualPercentageRate.of(RepaymentSchedule.of(terms)).percent()).hasToString("18.11");
    }

    @Test
    void flowsAllOneWay_areRefused() {
        assertThatThrownBy(() -> AnnualPercentageRate.onActualDays(List.of(
                CashFlow.received(LocalDate.parse("2026-01-01"), Money.of("1000")),
                CashFlow.received(LocalDate.parse("2026-02-01"), Money.of("10")))))
                .hasMessageContaining("money received and money paid");
    }

    @Test
    void roomUnderCap_isZeroWhenTheFlowsAlreadyReachIt() {
        List<CashFlow> flows = List.of(
                CashFlow.received(LocalDate.parse("2026-01-01"), Money.of("1000")),
                CashFlow.paid(LocalDate.parse("2026-01-31"), Money.of("1010")));

        assertThat(AnnualPercentageRate.roomUnderCap(flows, LocalDate.parse("2026-01-31"), new BigDecimal("0.12")))
                .isEqualTo(Money.ZERO);
        // at 24%: 1000 × (1 + 0.24/365)^30 − 1010 = 9.915…, rounded down so the cap is never crossed
        assertThat(AnnualPercentageRate.roomUnderCap(flows, LocalDate.parse("2026-01-31"), new BigDecimal("0.24")))
                .isEqualTo(Money.of("9.91"));
    }
}
