package org.microloan.ledger;

import java.util.Optional;

import org.microloan.money.Money;
import org.microloan.product.Product;
import org.microloan.schedule.RepaymentSchedule;

/**
 * A payout the rail has made, to be booked: the loan, its schedule, the journal, and for a product paid to a
 * merchant or school (受托支付) who received it.
 */
public record Disbursement(String applicationId, String borrowerId, String productCode, String payoutReference,
                           RepaymentSchedule schedule, Optional<Payee> payee) {

    /** Paid to the borrower's own account. */
    public Disbursement(String applicationId, String borrowerId, String productCode, String payoutReference,
                        RepaymentSchedule schedule) {
        this(applicationId, borrowerId, productCode, payoutReference, schedule, Optional.empty());
    }

    /** The merchant or school paid, its account already masked: the books never hold the full number. */
    public record Payee(Product.PaidTo paidTo, String name, String creditCode, String maskedAccount) {
    }

    public Money principal() {
        return schedule.terms().principal();
    }

    public Money fee() {
        return schedule.terms().fee();
    }
}
