package org.microloan.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The portfolio on a day (PRODUCT.md §7), from the books: loans and balance by product and five-tier
 * class; the overdue rate (balance of loans with anything overdue, over the balance); the bad-debt rate
 * (SUBSTANDARD and worse, over the balance); the collection success rate (loans contacted about arrears
 * whose arrears were since cleared, over the loans contacted); the repeat-loan rate (borrowers with more
 * than one loan, over the borrowers); and the credit-line changes up to the day, by action. Rates are
 * fractions to four decimals; amounts yuan.
 */
@RegisterForReflection
public record PortfolioFigures(LocalDate on, List<Segment> segments, long activeLoans, String balance,
                               BigDecimal overdueRate, BigDecimal badDebtRate, BigDecimal collectionSuccessRate,
                               BigDecimal repeatLoanRate, Map<String, Long> creditLineChanges) {

    public record Segment(String product, String fiveTierClass, long loans, String balance) {
    }
}
