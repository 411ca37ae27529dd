package org.microloan.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.microloan.money.Money;
import org.microloan.origination.intake.ApplicationForm;
import org.microloan.origination.intake.ApplicationIntake;
import org.microloan.origination.store.ApplicationStore;
import org.microloan.origination.store.ExposureReservations;
import org.microloan.origination.store.StoredApplication;
import org.microloan.workflow.ApplicationStatus;

/**
 * An application walked through the steps before the one under test, as those steps leave it: submitted,
 * its amount reserved (apply), then each status with the result given for its step ("{}" if none). QUOTED
 * is as the workflow leaves it: the offer recorded, then the wait's one write of the status and its token.
 */
public final class Walk {

    private static final List<ApplicationStatus> PATH = List.of(ApplicationStatus.APPLIED,
            ApplicationStatus.IDENTITY_VERIFIED, ApplicationStatus.SCORED, ApplicationStatus.QUOTED);
    private static final Map<ApplicationStatus, String> STEP = Map.of(ApplicationStatus.APPLIED, "apply",
            ApplicationStatus.IDENTITY_VERIFIED, "verify-identity", ApplicationStatus.SCORED, "score",
            ApplicationStatus.QUOTED, "acceptanceToken");

    private final ApplicationIntake intake;
    private final ApplicationStore store;
    private final ExposureReservations exposure;

    public Walk(ApplicationIntake intake, ApplicationStore store, ExposureReservations exposure) {
        this.intake = intake;
        this.store = store;
        this.exposure = exposure;
    }

    /** A new application of a new borrower, walked to {@code status}; its id. */
    public String to(ApplicationStatus status, ApplicationForm form, Map<String, String> results) {
        return to(status, "b-" + UUID.randomUUID(), form, results);
    }

    public String to(ApplicationStatus status, String borrower, ApplicationForm form, Map<String, String> results) {
        String id = UUID.randomUUID().toString();
        StoredApplication application = intake.submit(id, borrower, form, Instant.now());
        exposure.reserve(application.exposureKey(), id, Money.of(form.amount()), Money.of("200000"));
        for (ApplicationStatus next : PATH.subList(0, PATH.indexOf(status) + 1)) {
            String step = STEP.get(next);
            if (next == ApplicationStatus.QUOTED) {
                application = store.record(application, "quote-rate", results.getOrDefault("quote-rate", "{}"));
            }
            application = store.advance(application, next, step, results.getOrDefault(step,
                    next == ApplicationStatus.QUOTED ? "{\"taskToken\":\"token-" + id + "\"}" : "{}"));
        }
        return id;
    }
}
