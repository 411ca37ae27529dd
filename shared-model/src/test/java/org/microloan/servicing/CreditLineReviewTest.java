package org.microloan.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.product.CustomerType;
import org.microloan.product.Product;
import org.microloan.product.ProductCatalogue;

class CreditLineReviewTest {

    private static final ProductCatalogue CATALOGUE = ProductCatalogue.bundled();
    private static final Product RENOVATION = CATALOGUE.get("RENOVATION");

    @Test
    void aQuarterPaidOnTime_raisesTheLine_andLowersThePrice_withinTheProduct() {
        CreditLineReview.Outcome outcome = ProductCatalogue.bundled().lineReview().review(RENOVATION, Money.of("100000"),
                new BigDecimal("0.07"), new CreditLineReview.Quarter(3, 3, 0));

        assertThat(outcome.action()).isEqualTo(CreditLineReview.Action.RAISE);
        assertThat(outcome.line()).isEqualTo(Money.of("120000"));
        assertThat(outcome.annualRate()).isEqualByComparingTo("0.065");
        assertThat(outcome.reason()).contains("3 of 3 paid on time");
    }

    @Test
    void theRaiseStopsAtTheProductsMaximum_andTheBandsFloor() {
        CreditLineReview.Outcome outcome = ProductCatalogue.bundled().lineReview().review(RENOVATION, Money.of("190000"),
                new BigDecimal("0.06"), new CreditLineReview.Quarter(3, 3, 0));

        assertThat(outcome.line()).isEqualTo(Money.of("200000"));
        assertThat(outcome.annualRate()).isEqualByComparingTo("0.06");
    }

    @Test
    void lateness_cutsTheLine_andMoreThan30Days_freezesIt() {
        assertThat(ProductCatalogue.bundled().lineReview().review(RENOVATION, Money.of("100000"), new BigDecimal("0.07"),
                new CreditLineReview.Quarter(3, 2, 12)).line()).isEqualTo(Money.of("80000"));
        CreditLineReview.Outcome frozen = ProductCatalogue.bundled().lineReview().review(RENOVATION, Money.of("100000"),
                new BigDecimal("0.07"), new CreditLineReview.Quarter(3, 1, 45));
        assertThat(frozen.action()).isEqualTo(CreditLineReview.Action.FREEZE);
        assertThat(frozen.frozen()).isTrue();
    }

    @Test
    void earlyWarnings_followTheCatalogue_andCallInIsForBusinessLoansOnly() {
        EarlyWarnings warnings = CATALOGUE.earlyWarnings();

        assertThat(warnings.actionsFor(EarlyWarnings.Signal.JUDICIAL_RECORD, CustomerType.BUSINESS))
                .containsExactlyInAnyOrder(EarlyWarnings.Action.FREEZE_LINE, EarlyWarnings.Action.FLAG_FOR_REVIEW,
                        EarlyWarnings.Action.CALL_IN);
        assertThat(warnings.actionsFor(EarlyWarnings.Signal.JUDICIAL_RECORD, CustomerType.CONSUMER))
                .doesNotContain(EarlyWarnings.Action.CALL_IN);
        assertThat(warnings.actionsFor(EarlyWarnings.Signal.REVENUE_DROP, CustomerType.BUSINESS))
                .containsExactlyInAnyOrder(EarlyWarnings.Action.CUT_LINE, EarlyWarnings.Action.FLAG_FOR_REVIEW);
    }

    @Test
    void linesAreReviewed_onTheLastDayOfEachQuarter_only() {
        assertThat(java.util.stream.Stream.of("2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31")
                .map(java.time.LocalDate::parse)).allMatch(CreditLineReview::dueOn);
        assertThat(java.util.stream.Stream.of("2026-03-30", "2026-04-30", "2026-06-29", "2026-02-28", "2026-01-31")
                .map(java.time.LocalDate::parse)).noneMatch(CreditLineReview::dueOn);
    }
}
