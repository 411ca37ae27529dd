package org.microloan.origination.store;

import org.microloan.money.Money;

/** What each borrower owes or has reserved across products, so that no limit is passed, even by two at once. */
public interface ExposureReservations {

    /**
     * Reserves {@code amount} for the application if the borrower's total stays within {@code limit};
     * reserving the same application again changes nothing and answers true.
     */
    boolean reserve(String borrowerId, String applicationId, Money amount, Money limit);

    /** Gives a reservation back (a decline, an expiry); releasing twice changes nothing. */
    void release(String borrowerId, String applicationId, Money amount);

    Money total(String borrowerId);

    /** What the borrower owes or has reserved besides this application's own reserved amount. */
    default Money besides(String borrowerId, Money thisApplication) {
        return total(borrowerId).minus(thisApplication).max(Money.ZERO);
    }
}
