package org.microloan.functions.disburse;

import java.time.Duration;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.steps.StepInput;
import org.microloan.workflow.DisburseResult;
import org.microloan.workflow.Step;

/** The last step: pay out and book it, exactly once whatever is replayed. */
@Named("disburse")
public class DisburseFunction implements RequestHandler<StepInput, DisburseResult> {

    @Inject
    StepContext steps;

    @Inject
    Payout payout;

    @Override
    public DisburseResult handleRequest(StepInput input, Context context) {
        return steps.once(input, Step.DISBURSE, Duration.ofMillis(context.getRemainingTimeInMillis()), payout::disburse);
    }
}
