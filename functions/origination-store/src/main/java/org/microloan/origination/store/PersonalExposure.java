package org.microloan.origination.store;

import java.util.EnumSet;
import java.util.Set;

import org.microloan.money.Money;
import org.microloan.workflow.ApplicationStatus;

/**
 * An application's part of its person's exposure, as the steps and the API change it. Room still held by
 * an application of the person that ended without a loan (declined, expired, failed: the workflow writes
 * the last two itself) is given back when the person next needs it, before a reservation is refused or an
 * offer is sized.
 */
public final class PersonalExposure {

    private static final Set<ApplicationStatus> ENDED_WITHOUT_A_LOAN = EnumSet.of(ApplicationStatus.DECLINED,
            ApplicationStatus.EXPIRED, ApplicationStatus.FAILED);

    private final ExposureReservations reservations;
    private final ApplicationStore applications;

    public PersonalExposure(ExposureReservations reservations, ApplicationStore applications) {
        this.reservations = reservations;
        this.applications = applications;
    }

    /** Reserves the amount within the limit; if there is no room, first gives back what ended applications hold. */
    public boolean reserve(StoredApplication application, Money amount, Money limit) {
        String person = application.exposureKey();
        if (reservations.reserve(person, application.applicationId(), amount, limit)) {
            return true;
        }
        return freeEnded(person, application.applicationId(), reservations.standing(person))
                && reservations.reserve(person, application.applicationId(), amount, limit);
    }

    /**
     * What the person owes or has reserved besides this application, once ended applications hold nothing: one
     * read of the person's items, and a second only when an ended application's room was given back.
     */
    public Money besides(StoredApplication application) {
        String person = application.exposureKey();
        ExposureReservations.Standing standing = reservations.standing(person);
        if (freeEnded(person, application.applicationId(), standing)) {
            standing = reservations.standing(person);
        }
        return standing.besides(application.applicationId());
    }

    public void hold(StoredApplication application, Money amount) {
        reservations.hold(application.exposureKey(), application.applicationId(), amount);
    }

    public void release(StoredApplication application) {
        reservations.release(application.exposureKey(), application.applicationId());
    }

    /** @return whether any room was given back */
    private boolean freeEnded(String person, String except, ExposureReservations.Standing standing) {
        boolean freed = false;
        for (String holder : standing.holders()) {
            if (holder.equals(except)) {
                continue;
            }
            boolean ended = applications.find(holder).map(a -> ENDED_WITHOUT_A_LOAN.contains(a.status())).orElse(false);
            if (ended) {
                reservations.release(person, holder);
                freed = true;
            }
        }
        return freed;
    }
}
