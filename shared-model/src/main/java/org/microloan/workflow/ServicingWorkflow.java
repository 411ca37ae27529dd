package org.microloan.workflow;

import java.util.List;

import org.microloan.configuration.Bundled;

/**
 * The daily servicing run as a state machine, defined once in Amazon States Language
 * ({@code servicing.asl.json} beside this class): remind page by page for a business date, then the
 * credit-line reviews. CDK deploys it with its substitution and a daily schedule; the local stack runs the
 * same file for each business day its clock crosses.
 */
public final class ServicingWorkflow {

    /** The {@code ${...}} names the definition may use. */
    public static final List<String> SUBSTITUTIONS = List.of("RemindFunctionArn");

    private ServicingWorkflow() {
    }

    public static String definition() {
        return Bundled.text(ServicingWorkflow.class, "servicing.asl.json");
    }
}
