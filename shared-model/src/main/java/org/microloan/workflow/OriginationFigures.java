package org.microloan.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.microloan.money.Money;

/**
 * What the business measures of origination (PRODUCT.md §7) over the applications made in a period:
 * approval time p50 and p95 (application to approval, by the machine or a person), the auto-approval
 * rate (of the decided applications), the manual-review share of large loans (of the decided
 * applications above the review line, those a person decided), and the decline reasons by frequency.
 * Percentiles are nearest-rank; shares are to four places; an empty period gives zeros and no times.
 */
public record OriginationFigures(long applications, long decided, Duration approvalTimeP50, Duration approvalTimeP95,
                                 BigDecimal autoApprovalRate, Money reviewAbove, long largeDecided,
                                 BigDecimal manualReviewShareOfLarge, List<ReasonCount> declineReasons) {

    /** How an application was decided, if it has been. */
    public enum Path { AUTO_APPROVED, REVIEW_APPROVED, REVIEW_DECLINED, AUTO_DECLINED, UNDECIDED }

    /** One application: when it came, how it went, when it was approved (if it was), its amount and decline reasons. */
    public record Outcome(Instant appliedAt, Path path, Optional<Instant> approvedAt, Money amount, List<String> declineReasons) {
    }

    public record ReasonCount(String code, long applications) {
    }

    public static OriginationFigures of(List<Outcome> outcomes, Money reviewAbove) {
        List<Outcome> decided = outcomes.stream().filter(o -> o.path() != Path.UNDECIDED).toList();
        List<Duration> approvalTimes = decided.stream().filter(o -> o.approvedAt().isPresent())
                .map(o -> Duration.between(o.appliedAt(), o.approvedAt().get())).sorted().toList();
        long auto = decided.stream().filter(o -> o.path() == Path.AUTO_APPROVED).count();
        List<Outcome> large = decided.stream().filter(o -> o.amount().isGreaterThan(reviewAbove)).toList();
        long reviewed = large.stream().filter(o -> o.path() == Path.REVIEW_APPROVED || o.path() == Path.REVIEW_DECLINED).count();
        Map<String, Long> reasons = decided.stream().flatMap(o -> o.declineReasons().stream().distinct())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        List<ReasonCount> byFrequency = reasons.entrySet().stream().map(e -> new ReasonCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(ReasonCount::applications).reversed().thenComparing(ReasonCount::code))
                .toList();
        return new OriginationFigures(outcomes.size(), decided.size(), percentile(approvalTimes, 50),
                percentile(approvalTimes, 95), share(auto, decided.size()), reviewAbove, large.size(),
                share(reviewed, large.size()), byFrequency);
    }

    /** Nearest rank: the smallest time that at least p% of the times do not exceed. */
    private static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (p * sorted.size() + 99) / 100;
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
