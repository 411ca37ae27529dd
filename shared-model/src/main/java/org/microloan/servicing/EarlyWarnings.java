package org.microloan.servicing;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.microloan.product.CustomerType;

/**
 * What an early-warning signal on a loan leads to (PRODUCT.md §6), as configured. Calling a loan in
 * early is only for business loans, where the contract allows it.
 */
public record EarlyWarnings(Map<Signal, Set<Action>> actions) {

    public enum Signal { OVERDUE, REVENUE_DROP, JUDICIAL_RECORD, APPLICATION_BURST, FUND_MISUSE }

    public enum Action { FREEZE_LINE, CUT_LINE, FLAG_FOR_REVIEW, CALL_IN }

    public EarlyWarnings {
        Map<Signal, Set<Action>> copy = new EnumMap<>(Signal.class);
        actions.forEach((signal, set) -> copy.put(signal, Set.copyOf(set)));
        actions = Map.copyOf(copy);
    }

    /** From {@code warning.SIGNAL = ACTION, ACTION} lines of the product catalogue. */
    public static EarlyWarnings from(Properties catalogue) {
        Map<Signal, Set<Action>> actions = new EnumMap<>(Signal.class);
        for (Signal signal : Signal.values()) {
            String value = catalogue.getProperty("warning." + signal);
            if (value == null) {
                throw new IllegalArgumentException("the catalogue lacks warning." + signal + ": name its actions, from "
                        + Arrays.toString(Action.values()));
            }
            Set<Action> set = EnumSet.noneOf(Action.class);
            for (String name : value.split("\\s*,\\s*")) {
                if (!name.isBlank()) {
                    set.add(Action.valueOf(name.trim()));
                }
            }
            actions.put(signal, set);
        }
        return new EarlyWarnings(actions);
    }

    public Set<Action> actionsFor(Signal signal, CustomerType customer) {
        Set<Action> set = EnumSet.noneOf(Action.class);
        set.addAll(actions.getOrDefault(signal, Set.of()));
        if (customer != CustomerType.BUSINESS) {
            set.remove(Action.CALL_IN);
        }
        return set;
    }
}
