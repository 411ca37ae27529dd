package org.microloan.servicing;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/** The order in which a payment settles what is owed: every kind of due, each once. */
public record AllocationOrder(List<Due> order) {

    /** PRODUCT.md §3: penalty interest → overdue interest → overdue principal → current interest → current principal. */
    public static final AllocationOrder DEFAULT = new AllocationOrder(List.of(Due.values()));

    public AllocationOrder {
        order = List.copyOf(order);
        if (order.size() != Due.values().length || !EnumSet.copyOf(order).equals(EnumSet.allOf(Due.class))) {
            throw new IllegalArgumentException("an allocation order names each of " + Arrays.toString(Due.values())
                    + " exactly once, not " + order);
        }
    }

    /** From names such as {@code PENALTY_INTEREST,OVERDUE_INTEREST,...}. */
    public static AllocationOrder parse(String names) {
        try {
            return new AllocationOrder(Arrays.stream(names.split("\\s*,\\s*")).map(String::trim).map(Due::valueOf).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an allocation order is a comma-separated list of "
                    + Arrays.toString(Due.values()) + ", each exactly once, not '" + names + "'");
        }
    }
}
