package org.microloan.functions.score;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The decision as the workflow routes on it: outcome APPROVE, REVIEW or DECLINE, the status it left, the
 * score, PD and grade, the reason codes, the model version, the bureau report's reference, and when it was decided.
 */
@RegisterForReflection
public record ScoreResult(String applicationId, String outcome, String status, Integer score, BigDecimal pd,
                          String grade, List<String> reasons, String modelVersion, String bureauReportId,
                          Instant decidedAt) {
}
