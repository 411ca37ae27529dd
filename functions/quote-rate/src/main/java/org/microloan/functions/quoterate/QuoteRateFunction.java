package org.microloan.functions.quoterate;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.microloan.support.idempotency.Idempotency;
import org.microloan.support.steps.StepInput;

/** The fourth step: the offer. Also parks the acceptance's task token while the borrower decides. */
public class QuoteRateFunction {

    @Inject
    Idempotency idempotency;

    @Inject
    Quoting quoting;

    @Funq("quote-rate")
    public QuoteResult quoteRate(StepInput input) {
        if ("ACCEPTANCE".equals(input.awaiting())) {
            return quoting.awaitAcceptance(input);
        }
        return idempotency.once(input.applicationId(), "quote-rate", input.withoutToken(), QuoteResult.class,
                () -> quoting.quote(input));
    }
}
