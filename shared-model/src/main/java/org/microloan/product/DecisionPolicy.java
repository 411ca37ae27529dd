package org.microloan.product;

import org.microloan.money.Money;

/**
 * The figures that shape decisions across products (PRODUCT.md §4).
 *
 * @param automaticUpTo loans up to this are always decided by the machine, never sent to a person
 * @param reviewAbove   loans above this go to a person when the score is in the grey band
 * @param maxReasons    the most reasons a decline names
 */
public record DecisionPolicy(Money automaticUpTo, Money reviewAbove, int maxReasons) {
}
