package org.microloan.servicing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.microloan.money.Money;

/**
 * How one payment was split over what was owed.
 *
 * @param applied   what went to each kind of due
 * @param unapplied what was left once everything owed was settled (a prepayment, or a refund)
 */
public record PaymentAllocation(Map<Due, Money> applied, Money unapplied) {

    public PaymentAllocation {
        applied = Collections.unmodifiableMap(new EnumMap<>(applied));
    }

    /** Settle {@code owed} from {@code payment}, in {@code order}, each as far as the money goes. */
    public static PaymentAllocation allocate(Money payment, Map<Due, Money> owed, AllocationOrder order) {
        if (payment.isNegative()) {
            throw new IllegalArgumentException("a payment must not be negative, not " + payment);
        }
        Map<Due, Money> applied = new EnumMap<>(Due.class);
        Money left = payment;
        for (Due due : order.order()) {
            Money part = left.min(owed.getOrDefault(due, Money.ZERO).max(Money.ZERO));
            applied.put(due, part);
            left = left.minus(part);
        }
        return new PaymentAllocation(applied, left);
    }

    public Money appliedTo(Due due) {
        return applied.getOrDefault(due, Money.ZERO);
    }
}
