package org.microloan.functions.apply;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.microloan.support.idempotency.Idempotency;
import org.microloan.support.steps.StepInput;

/** The workflow's first step: is this application one the product and the limits allow? */
public class ApplyFunction {

    @Inject
    Idempotency idempotency;

    @Inject
    Eligibility eligibility;

    @Funq("apply")
    public ApplyResult apply(StepInput input) {
        return idempotency.once(input.applicationId(), "apply", input.withoutToken(), ApplyResult.class,
                () -> eligibility.check(input));
    }
}
