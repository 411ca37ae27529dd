package org.microloan.servicing;

import org.microloan.money.Money;

/** What a loan account made of money received: the account after it, or a refusal that says what to send. */
public sealed interface RepaymentOutcome {

    /**
     * @param allocation        how the money settled what was due, in the allocation order
     * @param prepaid           principal repaid before it was due
     * @param accruedInterest   interest of the running period paid with the prepayment
     * @param prepaymentPenalty what prepaying cost
     */
    record Repaid(LoanAccount account, PaymentAllocation allocation, Money prepaid, Money accruedInterest,
                  Money prepaymentPenalty) implements RepaymentOutcome {

        public Money principal() {
            return allocation.appliedTo(Due.OVERDUE_PRINCIPAL).plus(allocation.appliedTo(Due.CURRENT_PRINCIPAL)).plus(prepaid);
        }

        public Money interest() {
            return allocation.appliedTo(Due.OVERDUE_INTEREST).plus(allocation.appliedTo(Due.CURRENT_INTEREST))
                    .plus(accruedInterest);
        }

        public Money penaltyInterest() {
            return allocation.appliedTo(Due.PENALTY_INTEREST);
        }
    }

    /** @param payoff what would settle the loan on the day (zero for a settled loan) */
    record Refused(Refusal refusal, String detail, Money payoff) implements RepaymentOutcome {
    }

    enum Refusal {
        /** Nothing is owed: the loan is repaid in full. */
        LOAN_SETTLED,
        /** Zero or less was offered. */
        NOT_POSITIVE,
        /** More than everything owed, the pay-off amount. */
        ABOVE_PAYOFF,
        /** Beyond what is due, too little to pay the interest accrued with a prepayment. */
        BELOW_ACCRUED_INTEREST,
        /** Less than what is due, for a product that takes no partial repayment. */
        BELOW_AMOUNT_DUE
    }
}
