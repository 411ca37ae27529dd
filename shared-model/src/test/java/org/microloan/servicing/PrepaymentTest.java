package org.microloan.servicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.Installment;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.schedule.RepaymentSchedule;
import org.microloan.testing.Loans;

class PrepaymentTest {

    /** 12000 at 24% over 4 months from 2011-09-20, EMI 3151.49; after one installment, 9088.51 is owed. */
    private static final LoanPosition AFTER_ONE = new LoanPosition(RepaymentSchedule.of(
            Loans.terms("12000", "24", 4, RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, "2011-09-20")), 1);

    private static final LocalDate MID_NOVEMBER = LocalDate.parse("2011-11-05");

    private static List<String> lines(List<Installment> installments) {
        return installments.stream()
                .map(i -> i.number() + " " + i.dueDate() + " " + i.principal() + " " + i.interest() + " " + i.total()
                        + " " + i.balance())
                .toList();
    }

    @Test
    void shortenTerm_keepsTheInstallmentAndEndsSooner() {
        PrepaymentResult result = Prepayment.apply(AFTER_ONE, MID_NOVEMBER, Money.of("3000"),
                PrepaymentChoice.SHORTEN_TERM, ServicingTerms.defaults());

        // 9088.51 × 2% × 16/31 days = 93.8169 accrued, paid today with the 3000
        assertThat(result.accruedInterest()).isEqualTo(Money.of("93.82"));
        assertThat(result.payment()).isEqualTo(Money.of("3093.82"));
        assertThat(result.emi()).contains(Money.of("3151.49"));
        assertThat(lines(result.remaining())).containsExactly(
                "2 2011-11-20 3092.57 58.92 3151.49 2995.94",
                "3 2011-12-20 2995.94 59.92 3055.86 0.00");
    }

    @Test
    void lowerInstallment_keepsTheEndDateAndPaysLessEachMonth() {
        PrepaymentResult result = Prepayment.apply(AFTER_ONE, MID_NOVEMBER, Money.of("3000"),
                PrepaymentChoice.LOWER_INSTALLMENT, ServicingTerms.defaults());

        assertThat(result.emi()).contains(Money.of("2089.85"));
        assertThat(lines(result.remaining())).containsExactly(
                "2 2011-11-20 2030.93 58.92 2089.85 4057.58",
                "3 2011-12-20 2008.70 81.15 2089.85 2048.88",
                "4 2012-01-20 2048.88 40.98 2089.86 0.00");
    }

    @Test
    void eitherChoice_costsLessInterestThanNotPrepaying() {
        Money interestWithout = Money.total(AFTER_ONE.unpaid().stream().map(Installment::interest));

        for (PrepaymentChoice choice : PrepaymentChoice.values()) {
            PrepaymentResult result = Prepayment.apply(AFTER_ONE, MID_NOVEMBER, Money.of("3000"), choice,
                    ServicingTerms.defaults());
            assertThat(result.accruedInterest().plus(result.remainingInterest())).isLessThan(interestWithout);
        }
    }

    @Test
    void penalty_isAShareOfThePrincipalPrepaid() {
        PrepaymentResult result = Prepayment.apply(AFTER_ONE, MID_NOVEMBER, Money.of("3000"),
                PrepaymentChoice.SHORTEN_TERM, ServicingTerms.defaults().withPrepaymentPenaltyRate(new BigDecimal("0.01")));

        assertThat(result.penalty()).isEqualTo(Money.of("30.00"));
        assertThat(result.payment()).isEqualTo(Money.of("3123.82"));
    }

    @Test
    void penalty_isCutToWhatKeepsTheRealisedAprUnderTheCap() {
        PrepaymentResult result = Prepayment.apply(AFTER_ONE, MID_NOVEMBER, Money.of("3000"),
                PrepaymentChoice.SHORTEN_TERM, ServicingTerms.defaults()
                        .withPrepaymentPenaltyRate(new BigDecimal("0.01")).withCap(new BigDecimal("0.24")));

        // the contract is 24% on 30/360; on actual days it realises a little less, leaving 2.388… of room
        assertThat(result.penalty()).isEqualTo(Money.of("2.38"));
    }

    @Test
    void penalty_onALoanAboveTheCap_isWaived() {
        PrepaymentResult result = Prepayment.apply(AFTER_ONE, MID_NOVEMBER, Money.of("3000"),
                PrepaymentChoice.SHORTEN_TERM, ServicingTerms.defaults()
                        .withPrepaymentPenaltyRate(new BigDecimal("0.01")).withCap(new BigDecimal("0.12")));

        assertThat(result.penalty()).isEqualTo(Money.ZERO);
    }

    @Test
    void prepayingTheWholeBalance_pointsToAPayoffQuote() {
        assertThatThrownBy(() -> Prepayment.apply(AFTER_ONE, MID_NOVEMBER, Money.of("9088.51"),
                PrepaymentChoice.SHORTEN_TERM, ServicingTerms.defaults()))
                .hasMessage("a partial prepayment is more than 0 and less than the balance 9088.51, not 9088.51;"
                        + " to repay everything, ask for a pay-off quote");
    }

    @Test
    void prepayingWithAnInstallmentUnpaid_isRefused() {
        assertThatThrownBy(() -> Prepayment.apply(AFTER_ONE, LocalDate.parse("2011-11-25"), Money.of("1000"),
                PrepaymentChoice.SHORTEN_TERM, ServicingTerms.defaults()))
                .hasMessage("installment 2 due on 2011-11-20 is unpaid: settle what is due before prepaying");
    }

    @Test
    void lowerInstallment_neverRoundsDownIntoPayingMoreInterest() {
        // 1000 at 0.02% over 60 months, EMI 16.68: prepaying 0.01 would re-round it to 16.67, which repays
        // so slowly that it costs a fen more interest; the engine keeps 16.68 instead
        LoanPosition position = new LoanPosition(RepaymentSchedule.of(
                Loans.terms("1000", "0.02", 60, RepaymentMethod.EQUAL_INSTALLMENT, DayCount.THIRTY_360, "2020-01-01")), 0);
        Money interestWithout = position.schedule().totalInterest();

        PrepaymentResult result = Prepayment.apply(position, LocalDate.parse("2020-01-01"), Money.of("0.01"),
                PrepaymentChoice.LOWER_INSTALLMENT, ServicingTerms.defaults());

        assertThat(interestWithout).isEqualTo(Money.of("0.49"));
        assertThat(result.emi()).contains(Money.of("16.68"));
        assertThat(result.remainingInterest()).isLessThanOrEqualTo(interestWithout);
    }
}
