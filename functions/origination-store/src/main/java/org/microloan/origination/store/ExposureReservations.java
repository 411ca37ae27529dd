package org.microloan.origination.store;

import java.util.List;
import java.util.Map;

import org.microloan.money.Money;

/**
 * What each person owes or has reserved, across products, accounts and channels, so that no limit is
 * passed, even by two applications at once. Each application holds a part of its person's total: what it
 * asked for while it is decided, its offer once quoted, then what its loan still owes; nothing once it ends
 * without a loan or the loan is repaid. {@code person} is the application's
 * {@link StoredApplication#exposureKey()}: a keyed hash of the ID number, never the number.
 */
public interface ExposureReservations {

    /**
     * Reserves {@code amount} for the application if the person's total stays within {@code limit}, in one
     * conditional write; an application that already holds room answers true and changes nothing.
     */
    boolean reserve(String person, String applicationId, Money amount, Money limit);

    /** Sets what the application holds (an offer, the principal its loan still owes; zero gives it all back). */
    void hold(String person, String applicationId, Money amount);

    /** Gives the application's room back (a decline, a refused offer); again changes nothing. */
    default void release(String person, String applicationId) {
        hold(person, applicationId, Money.ZERO);
    }

    default Money total(String person) {
        return standing(person).total();
    }

    Money held(String person, String applicationId);

    /** The person's total and what each application holds, read together. */
    Standing standing(String person);

    /** A person's exposure as one read found it. */
    record Standing(Money total, Map<String, Money> held) {

        public Standing {
            held = Map.copyOf(held);
        }

        /** The applications holding some of the person's room. */
        public List<String> holders() {
            return held.entrySet().stream().filter(e -> e.getValue().isPositive()).map(Map.Entry::getKey).sorted().toList();
        }

        /** What the person owes or has reserved besides this application. */
        public Money besides(String applicationId) {
            return total.minus(held.getOrDefault(applicationId, Money.ZERO)).max(Money.ZERO);
        }
    }
}
