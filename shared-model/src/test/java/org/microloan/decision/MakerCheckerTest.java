package org.microloan.decision;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.microloan.money.Money;
import org.microloan.workflow.Review;
import org.microloan.workflow.ReviewProposal;

import static org.assertj.core.api.Assertions.assertThat;

class MakerCheckerTest {

    private static final MakerChecker LINE = new MakerChecker(Money.of("100000.00"));
    private static final Instant AT = Instant.parse("2026-12-02T02:00:00Z");

    @Test
    void aboveTheLine_twoPeopleDecide_atItOneIsEnough() {
        assertThat(LINE.needsSecondPerson(Money.of("100000.01"))).isTrue();
        assertThat(LINE.needsSecondPerson(Money.of("100000.00"))).isFalse();
        assertThat(LINE.needsSecondPerson(Money.of("3000.00"))).isFalse();
    }

    @Test
    void nobodyChecksTheirOwnDecision() {
        assertThat(MakerChecker.mayCheck("rev-1", "rev-1")).isFalse();
        assertThat(MakerChecker.mayCheck("rev-1", "sup-1")).isTrue();
    }

    @Test
    void aProposal_returned_waitsNoMore_andConfirmed_isTheDecisionWithBothNames() {
        ReviewProposal proposal = ReviewProposal.of(true, "rev-1", "income checked", AT);
        assertThat(proposal.pending()).isTrue();

        ReviewProposal returned = proposal.returned("rev-2", "ask for the tax record", AT.plusSeconds(60));
        assertThat(returned.pending()).isFalse();
        assertThat(returned.returnedBy()).isEqualTo("rev-2");

        assertThat(proposal.confirmed("sup-1", "agree"))
                .isEqualTo(new Review(true, "rev-1", "income checked", AT, "sup-1", "agree"));
    }
}
