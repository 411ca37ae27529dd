package org.microloan.functions.quoterate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.steps.StepInput;
import org.microloan.workflow.QuoteResult;

/** The fourth step: the offer. */
@Named("quote-rate")
public class QuoteRateFunction implements RequestHandler<StepInput, QuoteResult> {

    @Inject
    StepContext steps;

    @Inject
    Quoting quoting;

    @Override
    public QuoteResult handleRequest(StepInput input, Context context) {
        return steps.onRead(input, quoting::quote);
    }
}
