package org.microloan.workflow;

import java.util.List;

import org.microloan.configuration.Bundled;

/**
 * The decisioning sprint of origination, defined once in Amazon States Language
 * ({@code decisioning.asl.json} beside this class): apply, verify, score and, when no person is needed,
 * quote, as an Express workflow the origination workflow runs synchronously. It answers one of
 * {@link #OUTCOMES}; the Standard workflow routes on it.
 */
public final class DecisioningWorkflow {

    /** The {@code ${...}} names the definition may use: the four steps' function ARNs. */
    public static final List<String> SUBSTITUTIONS = List.of("ApplyFunctionArn", "VerifyIdentityFunctionArn",
            "ScoreFunctionArn", "QuoteRateFunctionArn");

    /** What the sprint answers under {@code outcome}. */
    public static final List<String> OUTCOMES = List.of("QUOTED", "REVIEW", "DECLINED", "FAILED");

    /** The steps a replay can enter the sprint at (the rest of {@link ReplayPoint} are the Standard workflow's). */
    public static final List<ReplayPoint> ENTRIES = List.of(ReplayPoint.Apply, ReplayPoint.VerifyIdentity,
            ReplayPoint.Score);

    private DecisioningWorkflow() {
    }

    /** The ASL text, with its substitutions still in place. */
    public static String definition() {
        return Bundled.text(DecisioningWorkflow.class, "decisioning.asl.json");
    }
}
