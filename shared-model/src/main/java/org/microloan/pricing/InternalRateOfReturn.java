package org.microloan.pricing;

import static java.math.BigDecimal.ONE;
import static java.math.BigDecimal.ZERO;

import java.math.BigDecimal;
import java.util.List;

import org.microloan.money.Rate;

/**
 * The rate i per time unit at which the cash flows are worth nothing today: Σ a_k (1 + i)^−t_k = 0, with
 * whole time units t_k (periods, or days). Solved by Newton's method inside a bracket that bisection keeps
 * honest, all in {@link BigDecimal}.
 */
final class InternalRateOfReturn {

    /** One flow at a whole number of time units after the first. */
    record TimedAmount(long time, BigDecimal amount) {
    }

    private static final BigDecimal TOLERANCE = new BigDecimal("1E-18");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final int MAX_ITERATIONS = 200;

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
        BigDecimal low = new BigDecimal("-0.999999");
        BigDecimal high = guess.max(new BigDecimal("0.0001"));
        int lowSign = npv(flows, low).signum();
        while (npv(flows, high).signum() == lowSign) {
            high = high.multiply(TWO);
            if (high.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                throw new IllegalArgumentException("these cash flows have no rate of return");
            }
        }
        BigDecimal rate = guess.max(low).min(high);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            BigDecimal[] value = npvAndSlope(flows, rate);
            if (value[0].signum() == 0) {
                return rate;
            }
            if (value[0].signum() == lowSign) {
                low = rate;
            } else {
                high = rate;
            }
            BigDecimal next = value[1].signum() == 0 ? null : rate.subtract(value[0].divide(value[1], Rate.CONTEXT));
            if (next == null || next.compareTo(low) <= 0 || next.compareTo(high) >= 0) {
                next = low.add(high).divide(TWO, Rate.CONTEXT);
            }
            if (next.subtract(rate).abs().compareTo(TOLERANCE) < 0) {
                return next;
            }
            rate = next;
        }
        return rate;
    }

    /** Σ a_k v^t_k with v = 1/(1+i). */
    static BigDecimal npv(List<TimedAmount> flows, BigDecimal rate) {
        return npvAndSlope(flows, rate)[0];
    }

    /** The value Σ a_k v^t_k and its derivative in i, −Σ t_k a_k v^(t_k+1), in one pass. */
    private static BigDecimal[] npvAndSlope(List<TimedAmount> flows, BigDecimal rate) {
        BigDecimal v = ONE.divide(ONE.add(rate), Rate.CONTEXT);
        BigDecimal value = ZERO;
        BigDecimal slope = ZERO;
        BigDecimal discount = ONE;
        long time = 0;
        for (TimedAmount flow : flows) {
            long step = flow.time() - time;
            if (step > 0) {
                discount = discount.multiply(v.pow((int) step, Rate.CONTEXT), Rate.CONTEXT);
                time = flow.time();
            }
            BigDecimal present = flow.amount().multiply(discount, Rate.CONTEXT);
            value = value.add(present);
            slope = slope.subtract(present.multiply(BigDecimal.valueOf(time)).multiply(v, Rate.CONTEXT));
        }
        return new BigDecimal[] {value, slope};
    }
}
