package org.microloan.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The steps of origination that ops can replay a failed application from (the {@code resumeFrom} of an
 * execution's input, entered by the definition's {@code ResumeAt} choice). A replay runs the named step
 * and what follows; it may only start where the steps before it have recorded their results, and the
 * results named by {@link #needs()} are those records.
 */
public enum ReplayPoint {
    Apply(List.of()),
    VerifyIdentity(List.of(Step.APPLY)),
    Score(List.of(Step.APPLY, Step.VERIFY_IDENTITY)),
    QuoteRate(List.of(Step.APPLY, Step.VERIFY_IDENTITY, Step.SCORE)),
    Disburse(List.of(Step.APPLY, Step.VERIFY_IDENTITY, Step.SCORE, Step.QUOTE_RATE, Step.ACCEPTANCE));

    private final List<Step<?>> needs;

    ReplayPoint(List<Step<?>> needs) {
        this.needs = needs;
    }

    /** The recorded step results a replay from here reuses. */
    public List<Step<?>> needs() {
        return needs;
    }

    /** The furthest step whose needs are all recorded: where a failed application stopped, and a replay resumes. */
    public static ReplayPoint furthest(Predicate<Step<?>> recorded) {
        List<ReplayPoint> points = Arrays.asList(values());
        for (int i = points.size() - 1; i > 0; i--) {
            if (points.get(i).needs.stream().allMatch(recorded)) {
                return points.get(i);
            }
        }
        return Apply;
    }

    public static Optional<ReplayPoint> named(String state) {
        return Arrays.stream(values()).filter(p -> p.name().equals(state)).findFirst();
    }
}
