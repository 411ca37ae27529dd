package org.microloan.scoring;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * One applicant's score, with how every characteristic contributed to it.
 *
 * @param pd            probability of default implied by the score
 * @param contributions every characteristic's points, and what it could have given at most
 */
public record CreditScore(String modelVersion, int score, BigDecimal pd, Grade grade, List<Contribution> contributions) {

    public CreditScore {
        contributions = List.copyOf(contributions);
    }

    /** @param bin the bin the applicant fell in; @param shortfall maxPoints − points */
    public record Contribution(Characteristic characteristic, String bin, int points, int shortfall) {
    }

    /** The characteristics that cost the most points, most first; none that cost nothing. */
    public List<Characteristic> costliest(int count) {
        return contributions.stream()
                .filter(c -> c.shortfall() > 0)
                .sorted(Comparator.comparingInt(Contribution::shortfall).reversed()
                        .thenComparing(c -> c.characteristic().ordinal()))
                .limit(count)
                .map(Contribution::characteristic)
                .toList();
    }
}
