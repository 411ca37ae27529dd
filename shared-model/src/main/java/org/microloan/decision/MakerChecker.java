package org.microloan.decision;

import java.util.Objects;

import org.microloan.money.Money;

/**
 * The four-eyes rule on reviews: above {@code above}, a reviewer's decision waits for a second person to confirm
 * it, and nobody confirms their own.
 */
public record MakerChecker(Money above) {

    public MakerChecker {
        Objects.requireNonNull(above, "above");
    }

    public boolean needsSecondPerson(Money amount) {
        return amount.compareTo(above) > 0;
    }

    /** Whether {@code checker} may confirm or return what {@code maker} decided. */
    public static boolean mayCheck(String maker, String checker) {
        return !maker.equals(checker);
    }
}
