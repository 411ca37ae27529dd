package org.microloan.workflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.microloan.decision.Decision;
import org.microloan.scoring.CreditScore;
import org.microloan.scoring.Grade;

/**
 * The decision as the workflow routes on it: outcome APPROVE, REVIEW or DECLINE, the status it left, the
 * score, PD and grade (none when a knock-out declined before scoring), the reason codes, the model
 * version, the bureau report's reference, and when it was decided.
 */
public record ScoreResult(String applicationId, Decision.Outcome outcome, ApplicationStatus status, Integer score,
                          BigDecimal pd, Grade grade, List<String> reasons, String modelVersion, String bureauReportId,
                          Instant decidedAt) {

    /** The graded score the decision was made on, for pricing; none when a knock-out came first. */
    public Optional<CreditScore> creditScore() {
        return score == null ? Optional.empty()
                : Optional.of(new CreditScore(modelVersion, score, pd, grade, List.of()));
    }
}
