package org.microloan.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An amount of CNY, exact to the fen. Every operation that could produce fractions of a fen asks for
 * the {@link RoundingMode}, so rounding is always the product's choice and never an accident.
 * Unrounded intermediate values (rates, discount factors) stay {@link BigDecimal}.
 */
public final class Money implements Comparable<Money> {

    /** Fen per yuan: CNY has two decimal places. */
    public static final int SCALE = 2;

    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(SCALE));

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    /** An amount that is already exact to the fen, e.g. {@code "12000"} or {@code "3151.49"}. */
    public static Money of(String yuan) {
        Objects.requireNonNull(yuan, "amount");
        BigDecimal value;
        try {
            value = new BigDecimal(yuan.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + yuan + "' is not an amount: send a decimal number of yuan, e.g. 12000.00");
        }
        return of(value);
    }

    /** An amount that is already exact to the fen; more decimals is an error, not a silent rounding. */
    public static Money of(BigDecimal yuan) {
        Objects.requireNonNull(yuan, "amount");
        if (yuan.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException(
                    yuan.toPlainString() + " has fractions of a fen: send at most 2 decimals");
        }
        return new Money(yuan.setScale(SCALE, RoundingMode.UNNECESSARY));
    }

    /** A computed value rounded to the fen. */
    public static Money of(BigDecimal yuan, RoundingMode rounding) {
        return new Money(yuan.setScale(SCALE, rounding));
    }

    public static Money ofFen(long fen) {
        return new Money(BigDecimal.valueOf(fen, SCALE));
    }

    /** The sum of the amounts; zero for none. */
    public static Money total(Stream<Money> amounts) {
        return amounts.reduce(ZERO, Money::plus);
    }

    public BigDecimal amount() {
        return amount;
    }

    public long fen() {
        return amount.movePointRight(SCALE).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negated() {
        return new Money(amount.negate());
    }

    public Money multipliedBy(BigDecimal factor, RoundingMode rounding) {
        return of(amount.multiply(factor), rounding);
    }

    public Money dividedBy(long divisor, RoundingMode rounding) {
        return new Money(amount.divide(BigDecimal.valueOf(divisor), SCALE, rounding));
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && amount.equals(other.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** Plain decimal yuan with two places, e.g. {@code 3151.49}: the form every API and report uses. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
