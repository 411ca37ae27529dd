package org.microloan.functions.apply;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.steps.StepInput;
import org.microloan.workflow.ApplyResult;

/** The workflow's first step: is this application one the product and the limits allow? */
@Named("apply")
public class ApplyFunction implements RequestHandler<StepInput, ApplyResult> {

    @Inject
    StepContext steps;

    @Inject
    Eligibility eligibility;

    @Override
    public ApplyResult handleRequest(StepInput input, Context context) {
        return steps.onRead(input, eligibility::check);
    }
}
