package org.microloan.ledger;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A loan as it stands on a day, from the books (amounts in yuan): what is outstanding, what is overdue,
 * what the running period has accrued, what is next, its class, and what would settle it.
 */
@RegisterForReflection
public record LoanState(String loanId, String status, LocalDate on, String outstandingPrincipal, String overduePrincipal,
                        String overdueInterest, String penaltyInterest, String accruedInterest, LocalDate nextDueDate,
                        String nextDueAmount, long daysPastDue, String fiveTierClass, String payoff) {
}
