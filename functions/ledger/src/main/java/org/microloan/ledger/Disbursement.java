package org.microloan.ledger;

import org.microloan.money.Money;
import org.microloan.schedule.RepaymentSchedule;

/** A payout the rail has made, to be booked: the loan, its schedule, and the journal. */
public record Disbursement(String applicationId, String borrowerId, String productCode, String payoutReference,
                           RepaymentSchedule schedule) {

    public Money principal() {
        return schedule.terms().principal();
    }

    public Money fee() {
        return schedule.terms().fee();
    }
}
