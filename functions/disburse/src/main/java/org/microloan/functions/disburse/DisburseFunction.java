package org.microloan.functions.disburse;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.microloan.support.idempotency.Idempotency;
import org.microloan.support.steps.StepInput;

/** The last step: pay out and book it, exactly once whatever is replayed. */
public class DisburseFunction {

    @Inject
    Idempotency idempotency;

    @Inject
    Payout payout;

    @Funq("disburse")
    public DisburseResult disburse(StepInput input) {
        return idempotency.once(input.applicationId(), "disburse", input.withoutToken(), DisburseResult.class,
                () -> payout.disburse(input));
    }
}
