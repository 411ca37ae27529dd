package org.microloan.origination.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.IllegalTransitionException;

/** Applications, kept so that a status only moves forward and two writers cannot both win. */
public interface ApplicationStore {

    /** Stores a new application; refused if the id is taken. */
    void create(StoredApplication application);

    Optional<StoredApplication> find(String applicationId);

    /**
     * Claims the application for a run of the step, in the one write that reads it: the application as it is, or
     * nothing when there is no such application. A claim lasts until {@code until} (what the run can take at most),
     * ends when the step's result is recorded ({@link #advance}, {@link #record}) or the run lets go of it, and does
     * not hold a step whose result is recorded already (a repeat only reads it).
     *
     * @throws org.microloan.workflow.ConcurrentUpdateException another run of the step holds it
     */
    Optional<StoredApplication> claim(String applicationId, String step, Instant now, Instant until);

    /** Lets go of a run's claim on the step (the run failed), if the claim is still that run's. */
    void release(String applicationId, String step, Instant until);

    /** The applications of these ids that exist, by id, in as few requests as the store allows (a page's worth). */
    Map<String, StoredApplication> findAll(Collection<String> applicationIds);

    /**
     * Moves the application to {@code to}, recording a step's result, if it is still at {@code
     * expectedVersion} and {@code to} follows its status; the stored record after the write. The step's claim ends.
     *
     * @throws org.microloan.workflow.ConcurrentUpdateException another write came first
     * @throws IllegalTransitionException the status cannot move to {@code to}
     */
    StoredApplication advance(StoredApplication current, ApplicationStatus to, String step, String resultJson);

    /**
     * Records a step's result without moving the status (a task token to wait on), under the same
     * optimistic lock as {@link #advance}. The step's claim ends.
     */
    StoredApplication record(StoredApplication current, String step, String resultJson);

    /** Notes a booked loan under its borrower (the books hold the loan; this finds it by borrower fast). */
    void recordLoan(String borrowerId, String loanId, String applicationId);

    /** The ids of the borrower's loans. */
    List<String> loansOf(String borrowerId);

    /** The borrower's applications, newest first. */
    List<StoredApplication> ofBorrower(String borrowerId);

    /** The applications made in [from, to): a scan of the table, for reports, not for a request path. */
    List<StoredApplication> createdBetween(Instant from, Instant to);

    /**
     * The applications waiting for a person's review, the longest waiting first: those the workflow put in the
     * review queue and that are still {@code IN_REVIEW}. Moving on ({@link #advance}) takes one out of it.
     */
    List<Waiting> waitingForReview();

    /** An application in the review queue, and since when it has waited. */
    record Waiting(StoredApplication application, Instant since) {
    }
}
