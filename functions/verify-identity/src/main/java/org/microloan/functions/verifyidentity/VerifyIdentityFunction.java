package org.microloan.functions.verifyidentity;

import java.time.Duration;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.steps.StepInput;
import org.microloan.workflow.IdentityResult;
import org.microloan.workflow.Step;

/** The second step: is the applicant who they say they are? */
@Named("verify-identity")
public class VerifyIdentityFunction implements RequestHandler<StepInput, IdentityResult> {

    @Inject
    StepContext steps;

    @Inject
    IdentityCheck identity;

    @Override
    public IdentityResult handleRequest(StepInput input, Context context) {
        return steps.once(input, Step.VERIFY_IDENTITY, Duration.ofMillis(context.getRemainingTimeInMillis()), identity::check);
    }
}
