package org.microloan.servicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.pricing.CapBasis;
import org.microloan.pricing.LprTable;
import org.microloan.pricing.RateCap;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Frequency;
import org.microloan.schedule.LoanTerms;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;

class PayoffTest {

    /** 100 at 7% over 6 months, 30/360, HALF_EVEN, from 2024-01-01: EMI 17.01. */
    private static final RepaymentSchedule SMALL_LOAN = RepaymentSchedule.of(new LoanTerms(Money.of("100"),
            new BigDecimal("0.07"), 6, RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, Frequency.MONTHLY,
            LocalDate.parse("2024-01-01"), null, RoundingMode.HALF_EVEN, Money.ZERO));

    private static String figures(PayoffQuote quote) {
        return quote.principal() + " " + quote.interest() + " " + quote.prepaymentPenalty() + " " + quote.total();
    }

    @Test
    void payoff_midPeriod_accruesActualDays() {
        PayoffQuote quote = Payoff.quote(new LoanPosition(SMALL_LOAN, 1), LocalDate.parse("2024-02-15"),
                ServicingTerms.defaults());

        // 83.57 × 7%/12 × 14/29 days = 0.2353… → 0.24
        assertThat(figures(quote)).isEqualTo("83.57 0.24 0.00 83.81");
    }

    @Test
    void payoff_onADueDateOfAPaidInstallment_isTheBalanceAlone() {
        PayoffQuote quote = Payoff.quote(new LoanPosition(SMALL_LOAN, 1), LocalDate.parse("2024-02-01"),
                ServicingTerms.defaults());

        assertThat(figures(quote)).isEqualTo("83.57 0.00 0.00 83.57");
    }

    @Test
    void payoff_withPenalty_chargesItOnThePrincipalPrepaid() {
        PayoffQuote quote = Payoff.quote(new LoanPosition(SMALL_LOAN, 1), LocalDate.parse("2024-02-15"),
                ServicingTerms.defaults().withPrepaymentPenaltyRate(new BigDecimal("0.01")));

        assertThat(figures(quote)).isEqualTo("83.57 0.24 0.84 84.65");
    }

    @Test
    void payoff_penaltyThatWouldBreakTheCap_isReducedToTheRoomLeft() {
        BigDecimal cap = RateCap.of(CapBasis.LPR4X, LprTable.published()).on(LocalDate.parse("2024-01-01")).rate();
        PayoffQuote quote = Payoff.quote(new LoanPosition(SMALL_LOAN, 1), LocalDate.parse("2024-02-15"),
                ServicingTerms.defaults().withPrepaymentPenaltyRate(new BigDecimal("0.01")).withCap(cap));

        // 4 × 3.45% = 13.80%: at that rate the flows leave 0.805… of room on 2024-02-15, so 0.80, not 0.84
        assertThat(cap).isEqualByComparingTo("0.138");
        assertThat(quote.prepaymentPenalty()).isEqualTo(Money.of("0.80"));
    }

    @Test
    void payoff_withOverdueInstallments_addsThemAndPenaltyInterest() {
        PayoffQuote quote = Payoff.quote(new LoanPosition(SMALL_LOAN, 0), LocalDate.parse("2024-03-11"),
                ServicingTerms.defaults());

        assertThat(quote.duePrincipal()).isEqualTo(Money.of("32.95"));
        assertThat(quote.dueInterest()).isEqualTo(Money.of("1.07"));
        // 10.5% (1.5 × 7%) on 16.43 for 39 days = 0.19, on 16.52 for 10 days = 0.05
        assertThat(quote.penaltyInterest()).isEqualTo(Money.of("0.24"));
        assertThat(quote.principalNotDue()).isEqualTo(Money.of("67.05"));
        assertThat(quote.accruedInterest()).isEqualTo(Money.of("0.13"));
        assertThat(quote.total()).isEqualTo(Money.of("101.44"));
    }

    @Test
    void payoff_afterMaturity_isEverythingUnpaidWithNoPrepaymentPenalty() {
        PayoffQuote quote = Payoff.quote(new LoanPosition(SMALL_LOAN, 5), LocalDate.parse("2024-07-01"),
                ServicingTerms.defaults().withPrepaymentPenaltyRate(new BigDecimal("0.01")));

        assertThat(figures(quote)).isEqualTo("16.90 0.10 0.00 17.00");
    }

    @Test
    void payoff_dailyAccrual_neverChargesAPrepaymentPenalty() {
        RepaymentSchedule emergency = RepaymentSchedule.of(new LoanTerms(Money.of("3000"),
                LoanTerms.annualRateFromDaily(new BigDecimal("0.0003"), DayCount.ACT_360), 3,
                RepaymentMethod.DAILY_ACCRUAL, DayCount.ACT_360, Frequency.MONTHLY, LocalDate.parse("2026-03-01"),
                null, RoundingMode.HALF_UP, Money.ZERO));

        PayoffQuote quote = Payoff.quote(new LoanPosition(emergency, 0), LocalDate.parse("2026-03-11"),
                ServicingTerms.defaults().withPrepaymentPenaltyRate(new BigDecimal("0.01")));

        // 3000 × 0.03% × 10 days
        assertThat(figures(quote)).isEqualTo("3000.00 9.00 0.00 3009.00");
    }

    @Test
    void payoff_beforeTheLastPayment_isRefused() {
        assertThatThrownBy(() -> Payoff.quote(new LoanPosition(SMALL_LOAN, 2), LocalDate.parse("2024-02-15"),
                ServicingTerms.defaults()))
                .hasMessage("the date 2024-02-15 is before the last payment on 2024-03-01: quote on or after it");
    }

    @Test
    void penaltyAboveTheProductMaximum_isRefused() {
        assertThatThrownBy(() -> ServicingTerms.defaults().withPrepaymentPenaltyRate(new BigDecimal("0.02")))
                .hasMessage("the prepayment penalty must be 0 to 1% of the principal prepaid, not 2%");
    }

    @Test
    void penaltyInterestRate_isCappedWhereTheMultipleWouldExceedTheCap() {
        ServicingTerms capped = ServicingTerms.defaults().withCap(new BigDecimal("0.12"));

        assertThat(capped.penaltyInterestRate(new BigDecimal("0.07"))).isEqualByComparingTo("0.105");
        assertThat(capped.penaltyInterestRate(new BigDecimal("0.10"))).isEqualByComparingTo("0.12");
    }
}
