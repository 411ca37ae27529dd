package org.microloan.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.workflow.OriginationFigures.Outcome;
import org.microloan.workflow.OriginationFigures.Path;

class OriginationFiguresTest {

    private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    private static final Money LINE = Money.of("100000");

    private static Outcome approved(Path path, long seconds, String amount) {
        return new Outcome(T0, path, Optional.of(T0.plusSeconds(seconds)), Money.of(amount), List.of());
    }

    private static Outcome declined(Path path, String amount, String... reasons) {
        return new Outcome(T0, path, Optional.empty(), Money.of(amount), List.of(reasons));
    }

    @Test
    void twentyApplications_giveTheFiguresTheBusinessWatches() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            outcomes.add(approved(Path.AUTO_APPROVED, i, "3000"));           // 1..14 s
        }
        outcomes.add(approved(Path.REVIEW_APPROVED, 3_600, "150000"));      // an hour with a person
        outcomes.add(approved(Path.AUTO_APPROVED, 20, "120000"));
        outcomes.add(declined(Path.REVIEW_DECLINED, "200000", "MANUAL_REVIEW"));
        outcomes.add(declined(Path.AUTO_DECLINED, "5000", "LOW_SCORE", "HIGH_DEBT_RATIO"));
        outcomes.add(declined(Path.AUTO_DECLINED, "8000", "LOW_SCORE", "LOW_SCORE"));
        outcomes.add(new Outcome(T0, Path.UNDECIDED, Optional.empty(), Money.of("300000"), List.of()));

        OriginationFigures figures = OriginationFigures.of(outcomes, LINE);

        assertThat(figures.applications()).isEqualTo(20);
        assertThat(figures.decided()).isEqualTo(19);
        // 16 approval times: 1..14 s, 20 s, 3600 s; rank 8 and rank 16
        assertThat(figures.approvalTimeP50()).isEqualTo(Duration.ofSeconds(8));
        assertThat(figures.approvalTimeP95()).isEqualTo(Duration.ofHours(1));
        assertThat(figures.autoApprovalRate()).isEqualByComparingTo(new BigDecimal("0.7895"));   // 15 of 19
        assertThat(figures.largeDecided()).isEqualTo(3);
        assertThat(figures.manualReviewShareOfLarge()).isEqualByComparingTo(new BigDecimal("0.6667")); // 2 of 3
        assertThat(figures.declineReasons()).containsExactly(new OriginationFigures.ReasonCount("LOW_SCORE", 2),
                new OriginationFigures.ReasonCount("HIGH_DEBT_RATIO", 1), new OriginationFigures.ReasonCount("MANUAL_REVIEW", 1));
    }

    @Test
    void aQuietPeriod_isZerosAndNoTimes() {
        OriginationFigures figures = OriginationFigures.of(List.of(), LINE);
        assertThat(figures.approvalTimeP50()).isNull();
        assertThat(figures.autoApprovalRate()).isEqualByComparingTo("0");
        assertThat(figures.declineReasons()).isEmpty();
    }
}
