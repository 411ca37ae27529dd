package org.microloan.api;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.microloan.ledger.CollectionRecord;
import org.microloan.ledger.RepaymentPosted;
import org.microloan.money.Money;

/**
 * A repayment as the borrower (or ops) sees it: asked of the rail (or received another way), where it
 * stands, and once it SUCCEEDED what it paid ({@code posted}); {@code unapplied} is what the loan could not
 * take, held to refund.
 */
@RegisterForReflection
public record RepaymentView(String repaymentId, String loanId, String origin, String status, String amount,
                            String reason, Instant requestedAt, Instant settledAt, LocalDate valueDate, String unapplied,
                            RepaymentPosted posted) {

    static RepaymentView of(CollectionRecord c, RepaymentPosted posted) {
        return new RepaymentView(c.id, c.loanId, c.origin.name(), c.status.name(), Money.ofFen(c.amountFen).toString(),
                c.reason, c.requestedAt, c.settledAt, c.valueDate, Money.ofFen(c.unappliedFen).toString(), posted);
    }
}
