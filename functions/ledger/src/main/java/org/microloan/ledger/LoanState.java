package org.microloan.ledger;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A loan as it stands on a day, from the books (amounts in yuan): what is outstanding, what is overdue,
 * what the running period has accrued, what is next, its class, what would settle it, and who was paid.
 */
@RegisterForReflection(targets = {LoanState.class, LoanState.PaidTo.class})
public record LoanState(String loanId, String status, LocalDate on, String outstandingPrincipal, String overduePrincipal,
                        String overdueInterest, String penaltyInterest, String accruedInterest, LocalDate nextDueDate,
                        String nextDueAmount, long daysPastDue, String fiveTierClass, String payoff, PaidTo paidTo) {

    /**
     * Who the money lent went to: {@code BORROWER}, or the {@code MERCHANT} or {@code SCHOOL} named on the
     * application (受托支付) with its credit code and masked account.
     */
    public record PaidTo(String kind, String name, String creditCode, String account) {
    }
}
