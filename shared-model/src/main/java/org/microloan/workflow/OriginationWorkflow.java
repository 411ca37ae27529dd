package org.microloan.workflow;

import java.util.List;
import java.util.function.Predicate;

import org.microloan.configuration.Bundled;

/**
 * The origination state machine, defined once in Amazon States Language
 * ({@code origination.asl.json} beside this class): CDK deploys it with definition substitutions, the
 * local stack executes the very same file. Its decisioning sprint is {@link DecisioningWorkflow}.
 */
public final class OriginationWorkflow {

    /**
     * The {@code ${...}} names the definition may use: the decisioning sprint's machine, the two functions it
     * calls itself (the quote after a review, the payout) and the table.
     */
    public static final List<String> SUBSTITUTIONS = List.of("DecisioningStateMachineArn", "QuoteRateFunctionArn",
            "DisburseFunctionArn", "ApplicationsTable");

    /** The terminal states, by the outcome they stand for. */
    public static final List<String> TERMINAL_STATES = List.of("Declined", "Expired", "Failed", "Disbursed");

    private OriginationWorkflow() {
    }

    /**
     * The state of this workflow (the ASL's names) an application is at or stopped in: a wait (ManualReview,
     * AwaitAcceptance), an end (Declined, Expired, Disbursed), or the furthest step its recorded results reach
     * (Apply … Disburse): where it runs now, or where it failed.
     */
    public static String stateOf(ApplicationStatus status, Predicate<Step<?>> recorded) {
        return switch (status) {
            case IN_REVIEW -> "ManualReview";
            case QUOTED -> "AwaitAcceptance";
            case DECLINED -> "Declined";
            case EXPIRED -> "Expired";
            case DISBURSED -> "Disbursed";
            default -> ReplayPoint.furthest(recorded).name();
        };
    }

    /** The ASL text, with its substitutions still in place. */
    public static String definition() {
        return Bundled.text(OriginationWorkflow.class, "origination.asl.json");
    }
}
