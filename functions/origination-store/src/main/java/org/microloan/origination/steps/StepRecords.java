package org.microloan.origination.steps;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.microloan.workflow.Acceptance;
import org.microloan.workflow.ApplyResult;
import org.microloan.workflow.DisburseResult;
import org.microloan.workflow.IdentityResult;
import org.microloan.workflow.Offer;
import org.microloan.workflow.QuoteResult;
import org.microloan.workflow.Replay;
import org.microloan.workflow.Review;
import org.microloan.workflow.ScoreResult;
import org.microloan.workflow.TaskToken;

/** shared-model's step records, which Jackson reads and writes: registered for a native image (shared-model has no annotations). */
@RegisterForReflection(targets = {ApplyResult.class, IdentityResult.class, ScoreResult.class, Review.class, Offer.class,
        Offer.Line.class, QuoteResult.class, Acceptance.class, DisburseResult.class, TaskToken.class, Replay.class})
final class StepRecords {

    private StepRecords() {
    }
}
