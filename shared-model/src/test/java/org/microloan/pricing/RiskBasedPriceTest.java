package org.microloan.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microloan.testing.Applications.TODAY;
import static org.microloan.testing.Applications.emergency;
import static org.microloan.testing.Applications.with;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.microloan.decision.BorrowerHistory;
import org.microloan.money.Money;
import org.microloan.money.Rate;
import org.microloan.product.Product;
import org.microloan.product.ProductCatalogue;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.scoring.CreditScore;
import org.microloan.scoring.Grade;

class RiskBasedPriceTest {

    private static final ProductCatalogue CATALOGUE = ProductCatalogue.bundled();
    private static final RateCap.Limit CAP = RateCap.of(CapBasis.LPR4X, LprTable.published()).on(TODAY);

    private static CreditScore graded(Grade grade) {
        return new CreditScore("test", 600, new BigDecimal("0.02"), grade, List.of());
    }

    @Test
    void emergency_gradeA_isTheBaseDailyRate() {
        RiskBasedPrice.Price price = RiskBasedPrice.annualRate(CATALOGUE.get("EMERGENCY"), Grade.A, CAP);

        // 0.03% a day × 360 = 10.80% a year, under the 12% cap
        assertThat(price.annualRate()).isEqualByComparingTo("0.108");
        assertThat(price.cappedBy()).isEmpty();
    }

    @Test
    void emergency_gradeD_isHeldToTheCap_andSaysWhichRule() {
        RiskBasedPrice.Price price = RiskBasedPrice.annualRate(CATALOGUE.get("EMERGENCY"), Grade.D, CAP);

        // 0.04% a day would be 14.40%: above 4 × LPR 3.00%
        assertThat(price.annualRate()).isEqualByComparingTo("0.12");
        assertThat(price.cappedBy()).contains("4 x LPR 3.00% on 2026-11-22");
    }

    @Test
    void renovation_gradeSpreadsStayInsideTheBand() {
        Product renovation = CATALOGUE.get("RENOVATION");

        assertThat(RiskBasedPrice.annualRate(renovation, Grade.A, CAP).annualRate()).isEqualByComparingTo("0.06");
        assertThat(RiskBasedPrice.annualRate(renovation, Grade.C, CAP).annualRate()).isEqualByComparingTo("0.07");
        assertThat(RiskBasedPrice.annualRate(renovation, Grade.D, CAP).annualRate()).isEqualByComparingTo("0.078");
    }

    @Test
    void offer_showsAprRateScheduleAndLine() {
        RateQuote quote = RiskBasedPrice.offer(emergency(), CATALOGUE.get("EMERGENCY"), graded(Grade.A),
                BorrowerHistory.NEW_BORROWER, CAP, TODAY, RoundingMode.HALF_UP);

        assertThat(quote.amount()).isEqualTo(Money.of("3000"));
        assertThat(quote.dailyRate().map(d -> Rate.toPercent(d, 4))).contains(new BigDecimal("0.0300"));
        assertThat(quote.schedule().installments()).hasSize(3);
        assertThat(quote.schedule().totalPrincipal()).isEqualTo(Money.of("3000"));
        // 10.8% a year on actual days: the APR is a little above it, never hidden behind the daily rate
        assertThat(quote.apr().percent()).isGreaterThanOrEqualTo(new BigDecimal("10.80"));
        // income 12,000 × 1.0 for grade A, within the product's 1,000–5,000
        assertThat(quote.creditLine()).isEqualTo(Money.of("5000"));
        assertThat(quote.modelVersion()).isEqualTo("test");
    }

    @Test
    void creditLine_byGradeAndIncome_withinTheRoomUnderTheLimit() {
        Product renovation = CATALOGUE.get("RENOVATION");
        var application = with(emergency(), "RENOVATION", "100000", 36, RepaymentMethod.EQUAL_INSTALLMENT);

        // 12,000 × 24 (grade B) = 288,000 → the product's 200,000; with 50,000 owed, 150,000 of room
        assertThat(RiskBasedPrice.creditLine(renovation, Grade.B, application, BorrowerHistory.NEW_BORROWER))
                .isEqualTo(Money.of("200000"));
        assertThat(RiskBasedPrice.creditLine(renovation, Grade.B, application, new BorrowerHistory(Money.of("50000"), 0)))
                .isEqualTo(Money.of("150000"));
        // 12,000 × 12 (grade D) = 144,000
        assertThat(RiskBasedPrice.creditLine(renovation, Grade.D, application, BorrowerHistory.NEW_BORROWER))
                .isEqualTo(Money.of("144000"));
    }

    @Test
    void offer_aboveTheLine_isCutToTheLine() {
        var application = with(emergency(), "RENOVATION", "180000", 36, RepaymentMethod.EQUAL_INSTALLMENT);

        RateQuote quote = RiskBasedPrice.offer(application, CATALOGUE.get("RENOVATION"), graded(Grade.D),
                BorrowerHistory.NEW_BORROWER, CAP, TODAY, RoundingMode.HALF_UP);

        assertThat(quote.amount()).isEqualTo(Money.of("144000"));
        assertThat(quote.schedule().emi()).isPresent();
    }
}
