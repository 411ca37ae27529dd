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

    @Test
    void conduct_saysWhichRuleACallBreaks() {
        ConductRules rules = ProductCatalogue.bundled().conduct();
        Instant noon = Instant.parse("2026-11-22T04:00:00Z");
        Instant lateEvening = Instant.parse("2026-11-22T14:30:00Z");

        assertThat(rules.breachedBy(noon, SHANGHAI, CallParty.BORROWER, true, 5)).isEmpty();
        assertThat(rules.breachedBy(noon, SHANGHAI, CallParty.BORROWER, true, 6)).contains(ConductRules.Breach.UNANSWERED_LIMIT);
        assertThat(rules.breachedBy(lateEvening, SHANGHAI, CallParty.BORROWER, true, 0)).contains(ConductRules.Breach.QUIET_HOURS);
        assertThat(rules.breachedBy(noon, SHANGHAI, CallParty.THIRD_PARTY, true, 0))
                .contains(ConductRules.Breach.THIRD_PARTY_DISCLOSURE);
        // a relative may be asked to pass on a message, without a word about the debt
        assertThat(rules.breachedBy(noon, SHANGHAI, CallParty.THIRD_PARTY, false, 0)).isEmpty();
        assertThat(rules.explain(ConductRules.Breach.UNANSWERED_LIMIT))
                .isEqualTo("6 unanswered calls to this number today: no more until 08:00 tomorrow");
    }

    @Test
    void conduct_theNextMomentACallIsAllowed() {
        ConductRules rules = ProductCatalogue.bundled().conduct();
        Instant noon = Instant.parse("2026-11-22T04:00:00Z");
        Instant tomorrowAt8 = Instant.parse("2026-11-23T00:00:00Z");

        assertThat(rules.nextCallAt(noon, SHANGHAI, 0)).isEqualTo(noon);
        assertThat(rules.nextCallAt(noon, SHANGHAI, 6)).isEqualTo(tomorrowAt8);
        assertThat(rules.nextCallAt(Instant.parse("2026-11-22T14:30:00Z"), SHANGHAI, 2)).isEqualTo(tomorrowAt8);
    }

    @Test
    void collections_tierByDaysPastDue() {
        CollectionsPlan plan = ProductCatalogue.bundled().collections();

        assertThat(plan.tierOf(0)).isEmpty();
        assertThat(plan.tierOf(1)).contains(CollectionTier.REMINDERS);
        assertThat(plan.tierOf(7)).contains(CollectionTier.REMINDERS);
        assertThat(plan.tierOf(8)).contains(CollectionTier.NEGOTIATION);
        assertThat(plan.tierOf(30)).contains(CollectionTier.NEGOTIATION);
        assertThat(plan.tierOf(31)).contains(CollectionTier.AGENCY);
        assertThat(plan.daysOf(CollectionTier.NEGOTIATION)).isEqualTo(new CollectionsPlan.Days(8, Optional.of(30L)));
        assertThat(plan.forAgency(30)).isFalse();
        assertThat(plan.forAgency(31)).isTrue();
    }

    @Test
    void aPromiseToPay_isKeptByMoneyInItsDays_andBrokenOnceTheyPass() {
        PromiseToPay promise = new PromiseToPay(DAY, DAY.plusDays(5), org.microloan.money.Money.of("500.00"));

        assertThat(promise.covers(DAY.minusDays(1))).isFalse();
        assertThat(promise.covers(DAY.plusDays(5))).isTrue();
        assertThat(promise.status(org.microloan.money.Money.of("499.99"), DAY.plusDays(5))).isEqualTo(PromiseToPay.Status.PENDING);
        assertThat(promise.status(org.microloan.money.Money.of("499.99"), DAY.plusDays(6))).isEqualTo(PromiseToPay.Status.BROKEN);
        assertThat(promise.status(org.microloan.money.Money.of("500.00"), DAY.plusDays(6))).isEqualTo(PromiseToPay.Status.KEPT);
    }
}
