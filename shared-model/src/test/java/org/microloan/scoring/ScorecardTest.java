package org.microloan.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ScorecardTest {

    private static final String SMALL = """
            # a hand-made scorecard
            version test-1
            method hand
            scaling 600 50 20
            base 500
            approve 520
            grey 10
            grade A 560
            grade B 545
            grade C 530
            grade D 520
            characteristic SENIORITY
              below 2 -20
              below 10 5
              else 15
              missing -25
            characteristic RECORDS
              level no 10
              level yes -40
              missing -30
            characteristic LOAN_TO_PRICE
              below 0.5 20
              else -10
              missing -15
            """;

    private static ApplicantProfile applicant(String seniority, String records, String amount, String price) {
        return new ApplicantProfile(seniority == null ? null : new BigDecimal(seniority), "owner", new BigDecimal("36"),
                new BigDecimal("30"), "married", records, "fixed", null, null, null, null,
                amount == null ? null : new BigDecimal(amount), price == null ? null : new BigDecimal(price));
    }

    @Test
    void score_isTheBasePlusThePointsOfEachBin() {
        CreditScore score = Scorecard.parse(SMALL).score(applicant("5", "no", "400", "1000"));

        // 500 + 5 (seniority 2..10) + 10 (no records) + 20 (loan 40% of the price)
        assertThat(score.score()).isEqualTo(535);
        assertThat(score.grade()).isEqualTo(Grade.C);
        assertThat(score.modelVersion()).isEqualTo("test-1");
    }

    @Test
    void binEdges_areLowerInclusive() {
        Scorecard card = Scorecard.parse(SMALL);

        assertThat(card.score(applicant("2", "no", "500", "1000")).score()).isEqualTo(500 + 5 + 10 - 10);
        assertThat(card.score(applicant("1.99", "no", "499", "1000")).score()).isEqualTo(500 - 20 + 10 + 20);
    }

    @Test
    void missingValues_scoreTheirOwnBin_andUnknownLevelsAreMissing() {
        CreditScore score = Scorecard.parse(SMALL).score(applicant(null, "maybe", "400", null));

        assertThat(score.score()).isEqualTo(500 - 25 - 30 - 15);
        assertThat(score.grade()).isEqualTo(Grade.E);
    }

    @Test
    void costliest_areTheCharacteristicsFurthestBelowTheirBest() {
        CreditScore score = Scorecard.parse(SMALL).score(applicant("1", "yes", "900", "1000"));

        // shortfalls: RECORDS 50, SENIORITY 35, LOAN_TO_PRICE 30
        assertThat(score.costliest(4)).containsExactly(
                Characteristic.RECORDS, Characteristic.SENIORITY, Characteristic.LOAN_TO_PRICE);
        assertThat(score.costliest(1)).containsExactly(Characteristic.RECORDS);
    }

    @Test
    void pd_followsTheScaling() {
        Scaling scaling = Scaling.STANDARD;

        assertThat(scaling.pdAt(600)).isEqualByComparingTo("0.0196");
        // 20 points fewer halve the odds: 25:1
        assertThat(scaling.pdAt(580)).isEqualByComparingTo("0.0385");
        assertThat(Math.round(scaling.scoreAtPd(1.0 / 51))).isEqualTo(600);
    }

    @Test
    void text_roundTrips() {
        Scorecard card = Scorecard.parse(SMALL);

        assertThat(Scorecard.parse(card.toText("again"))).isEqualTo(card);
    }

    @Test
    void bundled_isTheTrainedScorecard() {
        Scorecard card = Scorecard.bundled();

        assertThat(card.version()).startsWith("cs-");
        assertThat(card.method()).isEqualTo("boosted-stumps");
        assertThat(card.tables()).containsKeys(Characteristic.RECORDS, Characteristic.LOAN_TO_PRICE);
    }

    @Test
    void badLine_isNamed() {
        assertThatThrownBy(() -> Scorecard.parse(SMALL.replace("below 0.5 20", "below half 20")))
                .hasMessageStartingWith("scorecard line 22 'below half 20' cannot be read");
    }
}
