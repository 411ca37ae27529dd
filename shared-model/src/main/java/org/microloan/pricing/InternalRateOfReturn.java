package org.microloan.pricing;

import static java.math.BigDecimal.ONE;
import static java.math.BigDecimal.ZERO;

import java.math.BigDecimal;
import java.util.List;

import org.microloan.money.Rate;

/**
 * The rate i per time unit at which the cash flows are worth nothing today: Σ a_k (1 + i)^−t_k = 0, with
 * whole time units t_k (periods, or days). Newton's method from a guess, which takes about five steps for
 * a loan; bisection over a widening bracket if Newton ever leaves the domain. All in {@link BigDecimal}.
 */
final class InternalRateOfReturn {

    /** One flow at a whole number of time units after the first. */
    record TimedAmount(long time, BigDecimal amount) {
    }

    private static final BigDecimal TOLERANCE = new BigDecimal("1E-18");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal LOWEST = new BigDecimal("-0.999999");
    private static final BigDecimal HIGHEST = BigDecimal.valueOf(1_000_000);
    private static final int NEWTON_STEPS = 50;
    private static final int BISECTION_STEPS = 200;

    private InternalRateOfReturn() {
    }

    /** @param flows ordered by time, with at least one amount of each sign */
    static BigDecimal solve(List<TimedAmount> flows, BigDecimal guess) {
        boolean received = flows.stream().anyMatch(f -> f.amount().signum() > 0);
        boolean paid = flows.stream().anyMatch(f -> f.amount().signum() < 0);
        if (!received || !paid) {
            throw new IllegalArgumentException(
                    "cash flows need money received and money paid: give amounts received positive, payments negative");
        }
        BigDecimal rate = guess;
        for (int step = 0; step < NEWTON_STEPS; step++) {
            BigDecimal[] value = npvAndSlope(flows, rate);
            if (value[1].signum() == 0) {
                break;
            }
            BigDecimal next = rate.subtract(value[0].divide(value[1], Rate.CONTEXT), Rate.CONTEXT);
            if (next.compareTo(LOWEST) <= 0) {
                break;
            }
            if (next.subtract(rate).abs().compareTo(TOLERANCE) < 0) {
                return next;
            }
            rate = next;
        }
        return bisect(flows);
    }

    private static BigDecimal bisect(List<TimedAmount> flows) {
        BigDecimal low = LOWEST;
        int lowSign = npv(flows, low).signum();
        BigDecimal high = new BigDecimal("0.01");
        while (npv(flows, high).signum() == lowSign) {
            high = high.multiply(TWO);
            if (high.compareTo(HIGHEST) > 0) {
                throw new IllegalArgumentException("these cash flows have no rate of return");
            }
        }
        for (int step = 0; step < BISECTION_STEPS && high.subtract(low).compareTo(TOLERANCE) > 0; step++) {
            BigDecimal middle = low.add(high).divide(TWO, Rate.CONTEXT);
            if (npv(flows, middle).signum() == lowSign) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low.add(high).divide(TWO, Rate.CONTEXT);
    }

    /** Σ a_k v^t_k with v = 1/(1+i). */
    static BigDecimal npv(List<TimedAmount> flows, BigDecimal rate) {
        return npvAndSlope(flows, rate)[0];
    }

    /** The value Σ a_k v^t_k and its derivative in i, −v Σ t_k a_k v^t_k, in one pass. */
    private static BigDecimal[] npvAndSlope(List<TimedAmount> flows, BigDecimal rate) {
        BigDecimal v = ONE.divide(ONE.add(rate), Rate.CONTEXT);
        BigDecimal value = ZERO;
        BigDecimal weighted = ZERO;
        BigDecimal discount = ONE;
        long time = 0;
        for (TimedAmount flow : flows) {
            long step = flow.time() - time;
            if (step > 0) {
                discount = discount.multiply(step == 1 ? v : v.pow((int) step, Rate.CONTEXT), Rate.CONTEXT);
                time = flow.time();
            }
            BigDecimal present = flow.amount().multiply(discount, Rate.CONTEXT);
            value = value.add(present, Rate.CONTEXT);
            weighted = weighted.add(present.multiply(BigDecimal.valueOf(time)), Rate.CONTEXT);
        }
        return new BigDecimal[] {value, weighted.multiply(v, Rate.CONTEXT).negate()};
    }
}
