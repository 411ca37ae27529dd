package org.microloan.functions.score;

import java.time.Duration;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.microloan.origination.steps.StepContext;
import org.microloan.origination.steps.StepInput;
import org.microloan.workflow.ScoreResult;
import org.microloan.workflow.Step;

/** The third step: the decision. */
@Named("score")
public class ScoreFunction implements RequestHandler<StepInput, ScoreResult> {

    @Inject
    StepContext steps;

    @Inject
    Scoring scoring;

    @Override
    public ScoreResult handleRequest(StepInput input, Context context) {
        return steps.once(input, Step.SCORE, Duration.ofMillis(context.getRemainingTimeInMillis()), scoring::decide);
    }
}
