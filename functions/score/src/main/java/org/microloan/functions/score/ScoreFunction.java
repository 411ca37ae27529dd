package org.microloan.functions.score;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.microloan.support.idempotency.Idempotency;
import org.microloan.support.steps.StepInput;

/** The third step: the decision. Also parks the manual review's task token, when the workflow waits on a person. */
public class ScoreFunction {

    @Inject
    Idempotency idempotency;

    @Inject
    Scoring scoring;

    @Funq("score")
    public ScoreResult score(StepInput input) {
        if ("REVIEW".equals(input.awaiting())) {
            return scoring.awaitReview(input);
        }
        return idempotency.once(input.applicationId(), "score", input.withoutToken(), ScoreResult.class,
                () -> scoring.decide(input));
    }
}
