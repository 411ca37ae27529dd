package org.microloan.workflow;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an application stands. It only moves forward along the workflow, by the table below; FAILED can
 * be left again, because ops replay a failed application from the step that failed.
 */
public enum ApplicationStatus {
    RECEIVED,
    APPLIED,
    IDENTITY_VERIFIED,
    SCORED,
    IN_REVIEW,
    QUOTED,
    ACCEPTED,
    DISBURSED,
    DECLINED,
    EXPIRED,
    FAILED;

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> NEXT = Map.ofEntries(
            Map.entry(RECEIVED, EnumSet.of(APPLIED, DECLINED, FAILED)),
            Map.entry(APPLIED, EnumSet.of(IDENTITY_VERIFIED, DECLINED, FAILED)),
            Map.entry(IDENTITY_VERIFIED, EnumSet.of(SCORED, IN_REVIEW, DECLINED, FAILED)),
            Map.entry(SCORED, EnumSet.of(IN_REVIEW, QUOTED, DECLINED, FAILED)),
            Map.entry(IN_REVIEW, EnumSet.of(QUOTED, DECLINED, EXPIRED, FAILED)),
            Map.entry(QUOTED, EnumSet.of(ACCEPTED, DECLINED, EXPIRED, FAILED)),
            Map.entry(ACCEPTED, EnumSet.of(DISBURSED, FAILED)),
            Map.entry(DISBURSED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(DECLINED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(EXPIRED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(FAILED, EnumSet.of(APPLIED, IDENTITY_VERIFIED, SCORED, IN_REVIEW, QUOTED, ACCEPTED, DISBURSED,
                    DECLINED, EXPIRED)));

    public boolean canMoveTo(ApplicationStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The statuses from which {@code this} may be reached: the condition of a forward-only write. */
    public Set<ApplicationStatus> predecessors() {
        EnumSet<ApplicationStatus> from = EnumSet.noneOf(ApplicationStatus.class);
        Arrays.stream(values()).filter(s -> s.canMoveTo(this)).forEach(from::add);
        return from;
    }

    public boolean terminal() {
        return NEXT.get(this).isEmpty();
    }
}
