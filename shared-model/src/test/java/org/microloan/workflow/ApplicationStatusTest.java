package org.microloan.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microloan.workflow.ApplicationStatus.ACCEPTED;
import static org.microloan.workflow.ApplicationStatus.APPLIED;
import static org.microloan.workflow.ApplicationStatus.DECLINED;
import static org.microloan.workflow.ApplicationStatus.DISBURSED;
import static org.microloan.workflow.ApplicationStatus.FAILED;
import static org.microloan.workflow.ApplicationStatus.IDENTITY_VERIFIED;
import static org.microloan.workflow.ApplicationStatus.QUOTED;
import static org.microloan.workflow.ApplicationStatus.IN_REVIEW;
import static org.microloan.workflow.ApplicationStatus.RECEIVED;
import static org.microloan.workflow.ApplicationStatus.SCORED;

import org.junit.jupiter.api.Test;

class ApplicationStatusTest {

    @Test
    void movesForwardAlongTheWorkflow() {
        assertThat(RECEIVED.canMoveTo(APPLIED)).isTrue();
        assertThat(SCORED.canMoveTo(QUOTED)).isTrue();
        assertThat(ACCEPTED.canMoveTo(DISBURSED)).isTrue();
    }

    @Test
    void aReferral_goesStraightFromVerifiedToReview_andOnToAnOffer() {
        // the score step decides REVIEW itself: there is no SCORED in between
        assertThat(IDENTITY_VERIFIED.canMoveTo(IN_REVIEW)).isTrue();
        assertThat(IN_REVIEW.canMoveTo(QUOTED)).isTrue();
    }

    @Test
    void neverMovesBack_andTerminalsStay() {
        assertThat(SCORED.canMoveTo(APPLIED)).isFalse();
        assertThat(DISBURSED.canMoveTo(FAILED)).isFalse();
        assertThat(DECLINED.canMoveTo(QUOTED)).isFalse();
        assertThat(DISBURSED.terminal()).isTrue();
    }

    @Test
    void aFailedApplicationCanBeReplayedForward_butNeverToReceived() {
        assertThat(FAILED.canMoveTo(SCORED)).isTrue();
        assertThat(FAILED.canMoveTo(RECEIVED)).isFalse();
    }

    @Test
    void predecessors_areWhatAConditionalWriteAllows() {
        assertThat(IDENTITY_VERIFIED.predecessors()).containsExactlyInAnyOrder(APPLIED, FAILED);
    }
}
