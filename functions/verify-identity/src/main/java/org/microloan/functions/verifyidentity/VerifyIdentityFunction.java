package org.microloan.functions.verifyidentity;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.microloan.support.idempotency.Idempotency;
import org.microloan.support.steps.StepInput;

/** The second step: is the applicant who they say they are? */
public class VerifyIdentityFunction {

    @Inject
    Idempotency idempotency;

    @Inject
    IdentityCheck identity;

    @Funq("verify-identity")
    public IdentityResult verifyIdentity(StepInput input) {
        return idempotency.once(input.applicationId(), "verify-identity", input.withoutToken(), IdentityResult.class,
                () -> identity.check(input));
    }
}
