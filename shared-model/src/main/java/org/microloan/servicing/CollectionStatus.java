package org.microloan.servicing;

/**
 * Where a collection (a debit of the borrower's account through the payment rail) stands. It moves once,
 * from PENDING to SUCCEEDED or FAILED, and never back: the books move on SUCCEEDED alone, and only on that move.
 */
public enum CollectionStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    /** What the rail reporting {@code reported} does to a collection in this status. */
    public enum Transition {
        /** PENDING becomes the status reported (and, on SUCCEEDED, the money is booked). */
        MOVES,
        /** Nothing new: still pending, or the final status reported again (a redelivered callback). */
        UNCHANGED,
        /** The rail contradicts a final status it reported before: refused, nothing changes. */
        CONTRADICTS
    }

    public boolean isFinal() {
        return this != PENDING;
    }

    public Transition on(CollectionStatus reported) {
        if (reported == this) {
            return Transition.UNCHANGED;
        }
        if (this == PENDING) {
            return Transition.MOVES;
        }
        return reported == PENDING ? Transition.UNCHANGED : Transition.CONTRADICTS;
    }
}
