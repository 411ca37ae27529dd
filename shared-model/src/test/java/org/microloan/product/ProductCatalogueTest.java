package org.microloan.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.schedule.RepaymentMethod;

class ProductCatalogueTest {

    private static final ProductCatalogue CATALOGUE = ProductCatalogue.bundled();

    @Test
    void bundled_holdsTheFourProductsOfProductMd() {
        assertThat(CATALOGUE.products()).containsOnlyKeys("EMERGENCY", "RENOVATION", "EDUCATION", "BUSINESS");
    }

    @Test
    void emergency_dailyBandIsConvertedOnA360DayYear() {
        Product emergency = CATALOGUE.get("EMERGENCY");

        assertThat(emergency.quotedDaily()).isTrue();
        assertThat(emergency.minRate()).isEqualByComparingTo("0.108");
        assertThat(emergency.maxRate()).isEqualByComparingTo("0.18");
        assertThat(emergency.methods()).containsExactly(RepaymentMethod.DAILY_ACCRUAL);
        assertThat(emergency.outstandingLimit()).isEqualTo(Money.of("200000"));
    }

    @Test
    void business_hasTheBusinessLimit_andAllowsPastDefaults() {
        Product business = CATALOGUE.get("BUSINESS");

        assertThat(business.outstandingLimit()).isEqualTo(Money.of("10000000"));
        assertThat(business.pastDefaultRecordsAllowed()).isTrue();
        assertThat(business.minAmount()).isEqualTo(Money.of("100000"));
    }

    @Test
    void decisionPolicy_isConfiguredToo() {
        assertThat(CATALOGUE.decisionPolicy().automaticUpTo()).isEqualTo(Money.of("5000"));
        assertThat(CATALOGUE.decisionPolicy().reviewAbove()).isEqualTo(Money.of("100000"));
        assertThat(CATALOGUE.decisionPolicy().maxReasons()).isEqualTo(4);
    }

    @Test
    void unknownProduct_namesTheKnownOnes() {
        assertThatThrownBy(() -> CATALOGUE.get("MORTGAGE"))
                .hasMessage("unknown product 'MORTGAGE': use one of [BUSINESS, EDUCATION, EMERGENCY, RENOVATION]");
    }

    @Test
    void badRange_namesTheKey() {
        assertThatThrownBy(() -> ProductCatalogue.parse("X.customer = CONSUMER\nX.amount = lots\n"))
                .hasMessageContaining("X.");
    }

    @Test
    void roundingToTheFen_isTheProductsOwn() throws Exception {
        assertThat(ProductCatalogue.bundled().get("EMERGENCY").rounding()).isEqualTo(java.math.RoundingMode.HALF_UP);
        String halfEven = new String(ProductCatalogue.class.getResourceAsStream("products.properties").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("RENOVATION.rounding = HALF_UP", "RENOVATION.rounding = HALF_EVEN");

        assertThat(ProductCatalogue.parse(halfEven).get("RENOVATION").rounding()).isEqualTo(java.math.RoundingMode.HALF_EVEN);
    }

    @Test
    void collectionsConductAndLineReviews_areTheCataloguesFigures() throws Exception {
        ProductCatalogue bundled = ProductCatalogue.bundled();
        assertThat(bundled.collections().smsUpTo()).isEqualTo(7);
        assertThat(bundled.conduct().quietFrom()).isEqualTo(java.time.LocalTime.of(22, 0));
        assertThat(bundled.lineReview().freezeAfterDays()).isEqualTo(30);
        assertThat(bundled.modelUnits().cnyPerIncomeUnit()).isEqualByComparingTo("78");

        String text = new String(ProductCatalogue.class.getResourceAsStream("products.properties").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("conduct.quiet-from = 22:00", "conduct.quiet-from = 21:00")
                .replace("collections.sms-up-to = 7", "collections.sms-up-to = 10");
        ProductCatalogue changed = ProductCatalogue.parse(text);
        assertThat(changed.conduct().quietFrom()).isEqualTo(java.time.LocalTime.of(21, 0));
        assertThat(changed.collections().smsUpTo()).isEqualTo(10);
        assertThatThrownBy(() -> ProductCatalogue.parse(text.replace("line-review.freeze-after-days = 30",
                "line-review.freeze-after-days = a month"))).hasMessageContaining("line-review.freeze-after-days");
    }
}
