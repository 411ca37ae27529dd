package org.microloan.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How log-odds become points: {@code score} points mean odds of {@code odds}:1 good to bad, and every
 * {@code pointsToDoubleOdds} more points double them. score = offset + factor × ln(odds), with
 * factor = pointsToDoubleOdds / ln 2 and offset = score − factor × ln(odds).
 */
public record Scaling(int score, int odds, int pointsToDoubleOdds) {

    /** The platform's convention: 600 points at 50:1, 20 points to double the odds. */
    public static final Scaling STANDARD = new Scaling(600, 50, 20);

    public double factor() {
        return pointsToDoubleOdds / StrictMath.log(2);
    }

    public double offset() {
        return score - factor() * StrictMath.log(odds);
    }

    /** Odds good:bad at a score: odds × 2^((score − this.score) / pointsToDoubleOdds). */
    public double oddsAt(int points) {
        return odds * StrictMath.pow(2, (points - score) / (double) pointsToDoubleOdds);
    }

    /** Probability of default at a score: 1 / (1 + odds good:bad), to four decimals. */
    public BigDecimal pdAt(int points) {
        return BigDecimal.valueOf(1 / (1 + oddsAt(points))).setScale(4, RoundingMode.HALF_UP);
    }

    /** The score at which the probability of default is {@code pd}. */
    public double scoreAtPd(double pd) {
        return offset() + factor() * StrictMath.log((1 - pd) / pd);
    }
}
