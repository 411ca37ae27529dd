package org.microloan.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.microloan.product.ProductCatalogue;

class CollectionsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-22");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void fiveTier_byDaysPastDue() {
        assertThat(FiveTierClass.byDaysPastDue(0)).isEqualTo(FiveTierClass.NORMAL);
        assertThat(FiveTierClass.byDaysPastDue(5)).isEqualTo(FiveTierClass.SPECIAL_MENTION);
        assertThat(FiveTierClass.byDaysPastDue(90)).isEqualTo(FiveTierClass.SPECIAL_MENTION);
        assertThat(FiveTierClass.byDaysPastDue(95)).isEqualTo(FiveTierClass.SUBSTANDARD);
        assertThat(FiveTierClass.byDaysPastDue(280)).isEqualTo(FiveTierClass.DOUBTFUL);
        assertThat(FiveTierClass.byDaysPastDue(370)).isEqualTo(FiveTierClass.LOSS);
    }

    @Test
    void classification_downgradesAtOnce_andNeverImprovesWhileArrearsRemain() {
        Classification rules = new Classification(0);

        assertThat(rules.on(DAY, FiveTierClass.NORMAL, 95, Optional.empty()))
                .contains(new Classification.Change(FiveTierClass.NORMAL, FiveTierClass.SUBSTANDARD, DAY, "95 days past due"));
        // a part payment brings the days down to 40, but the loan stays SUBSTANDARD while in arrears
        assertThat(rules.on(DAY, FiveTierClass.SUBSTANDARD, 40, Optional.empty())).isEmpty();
    }

    @Test
    void classification_returnsToNormal_onlyAfterTheArrearsAreCleared_andTheObservation() {
        Classification observed = new Classification(90);

        assertThat(observed.on(DAY, FiveTierClass.SUBSTANDARD, 0, Optional.of(DAY.minusDays(30)))).isEmpty();
        assertThat(observed.on(DAY, FiveTierClass.SUBSTANDARD, 0, Optional.of(DAY.minusDays(90))))
                .map(Classification.Change::to).contains(FiveTierClass.NORMAL);
        assertThat(new Classification(0).on(DAY, FiveTierClass.SPECIAL_MENTION, 0, Optional.of(DAY)))
                .map(Classification.Change::reason).contains("arrears cleared on 2026-11-22");
    }

    @Test
    void collections_contactByTier() {
        CollectionsPlan plan = ProductCatalogue.bundled().collections();

        assertThat(plan.contactFor(0, Optional.of(3L), false)).contains(Contact.DUE_REMINDER);
        assertThat(plan.contactFor(0, Optional.of(4L), false)).isEmpty();
        assertThat(plan.contactFor(5, Optional.empty(), false)).contains(Contact.OVERDUE_SMS);
        assertThat(plan.contactFor(8, Optional.empty(), false)).contains(Contact.NEGOTIATION_TASK);
        assertThat(plan.contactFor(40, Optional.empty(), false)).contains(Contact.AGENCY_HANDOVER);
        assertThat(plan.contactFor(95, Optional.empty(), true)).isEmpty();
    }

    @Test
    void conduct_nothingAtNight_deferredTo8() {
        ConductRules rules = ProductCatalogue.bundled().conduct();
        Instant lateEvening = Instant.parse("2026-11-22T14:30:00Z");   // 22:30 in Shanghai
        Instant earlyMorning = Instant.parse("2026-11-22T21:15:00Z");  // 05:15 the next day
        Instant noon = Instant.parse("2026-11-22T04:00:00Z");          // 12:00

        assertThat(rules.sendAt(lateEvening, SHANGHAI)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(rules.sendAt(earlyMorning, SHANGHAI)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(rules.sendAt(noon, SHANGHAI)).isEqualTo(noon);
    }

    @Test
    void conduct_sixUnansweredCallsADay() {
        assertThat(ProductCatalogue.bundled().conduct().mayCall(5)).isTrue();
        assertThat(ProductCatalogue.bundled().conduct().mayCall(6)).isFalse();
    }
}
