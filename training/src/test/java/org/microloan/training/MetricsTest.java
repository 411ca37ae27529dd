package org.microloan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void auc_perfectSeparation_isOne_andTiesCountHalf() {
        boolean[] bad = {true, true, false, false};

        assertThat(Metrics.auc(new int[] {1, 2, 3, 4}, bad)).isEqualTo(1.0);
        assertThat(Metrics.auc(new int[] {4, 3, 2, 1}, bad)).isEqualTo(0.0);
        assertThat(Metrics.auc(new int[] {5, 5, 5, 5}, bad)).isEqualTo(0.5);
        // goods 3 and 2 against bads 1 and 3: 3>1, 3=3 (half), 2>1, 2<3 → 2.5 of 4
        assertThat(Metrics.auc(new int[] {1, 3, 3, 2}, bad)).isCloseTo(0.625, within(1e-12));
    }

    @Test
    void ks_isTheLargestGapBetweenTheDistributions() {
        assertThat(Metrics.ks(new int[] {1, 2, 3, 4}, new boolean[] {true, true, false, false})).isEqualTo(1.0);
        assertThat(Metrics.ks(new int[] {1, 3, 2, 4}, new boolean[] {true, true, false, false})).isEqualTo(0.5);
    }

    @Test
    void cost_fivePerBadAccepted_onePerGoodDeclined() {
        int[] scores = {500, 520, 540, 560};
        boolean[] bad = {true, false, true, false};

        // cut-off 530: approves 540 (bad, 5) and 560; declines 500 and 520 (good, 1)
        assertThat(Metrics.cost(scores, bad, 530)).isEqualTo(6);
        assertThat(ScorecardBuilder.cheapestCutoff(scores, bad)).isEqualTo(541);
    }
}
