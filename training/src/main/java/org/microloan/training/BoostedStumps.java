package org.microloan.training;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.microloan.scoring.Characteristic;

/**
 * Gradient boosting of one-split trees on the binned characteristics, cycling through them in turn
 * (logistic loss, Newton leaf values with L2 shrinkage). Each stump changes one characteristic's term,
 * so the sum stays additive: a scorecard, not a black box, that still fits shapes a straight line of
 * weights of evidence cannot.
 *
 * @param rounds       passes over all characteristics
 * @param learningRate shrinkage of every step
 * @param minLeaf      fewest training rows either side of a split
 * @param l2           added to the hessian of each leaf
 */
record BoostedStumps(int rounds, double learningRate, int minLeaf, double l2) {

    static final BoostedStumps DEFAULT = new BoostedStumps(200, 0.05, 30, 20);

    AdditiveModel fit(int[][] codes, boolean[] bad, int[] rows, Binning binning) {
        double badShare = 0;
        for (int row : rows) {
            badShare += bad[row] ? 1 : 0;
        }
        badShare /= rows.length;
        double intercept = StrictMath.log(badShare / (1 - badShare));
        double[] logOdds = new double[rows.length];
        Arrays.fill(logOdds, intercept);
        Map<Characteristic, double[]> terms = new EnumMap<>(Characteristic.class);
        for (Characteristic c : Characteristic.values()) {
            terms.put(c, new double[binning.codeCount(c)]);
        }
        for (int round = 0; round < rounds; round++) {
            for (Characteristic c : Characteristic.values()) {
                int k = binning.codeCount(c);
                double[] g = new double[k];
                double[] h = new double[k];
                int[] n = new int[k];
                for (int i = 0; i < rows.length; i++) {
                    int code = codes[rows[i]][c.ordinal()];
                    double p = 1 / (1 + StrictMath.exp(-logOdds[i]));
                    g[code] += (bad[rows[i]] ? 1 : 0) - p;
                    h[code] += p * (1 - p);
                    n[code]++;
                }
                double[] step = c.categorical() ? bestLevelSplit(g, h, n) : bestOrderedSplit(g, h, n);
                if (step == null) {
                    continue;
                }
                double[] term = terms.get(c);
                for (int code = 0; code < k; code++) {
                    term[code] += learningRate * step[code];
                }
                for (int i = 0; i < rows.length; i++) {
                    logOdds[i] += learningRate * step[codes[rows[i]][c.ordinal()]];
                }
            }
        }
        return new AdditiveModel(intercept, terms);
    }

    /**
     * Values below a threshold against the rest, with missing on whichever side gains more; a missing
     * code no training row has goes with the riskier side.
     */
    private double[] bestOrderedSplit(double[] g, double[] h, int[] n) {
        int missing = g.length - 1;
        double bestGain = Double.NEGATIVE_INFINITY;
        double[] best = null;
        double gl = 0;
        double hl = 0;
        int nl = 0;
        double gAll = sum(g, 0, missing);
        double hAll = sum(h, 0, missing);
        int nAll = count(n, 0, missing);
        for (int s = 0; s < missing - 1; s++) {
            gl += g[s];
            hl += h[s];
            nl += n[s];
            for (boolean missingLeft : new boolean[] {true, false}) {
                double gLeft = gl + (missingLeft ? g[missing] : 0);
                double hLeft = hl + (missingLeft ? h[missing] : 0);
                int nLeft = nl + (missingLeft ? n[missing] : 0);
                double gRight = gAll + g[missing] - gLeft;
                double hRight = hAll + h[missing] - hLeft;
                int nRight = nAll + n[missing] - nLeft;
                if (nLeft < minLeaf || nRight < minLeaf) {
                    continue;
                }
                double gain = gLeft * gLeft / (hLeft + l2) + gRight * gRight / (hRight + l2);
                if (gain > bestGain) {
                    bestGain = gain;
                    double left = gLeft / (hLeft + l2);
                    double right = gRight / (hRight + l2);
                    best = new double[g.length];
                    for (int code = 0; code < missing; code++) {
                        best[code] = code <= s ? left : right;
                    }
                    best[missing] = n[missing] == 0 ? Math.max(left, right) : (missingLeft ? left : right);
                }
            }
        }
        return best;
    }

    /** One level (or missing) against all the others. */
    private double[] bestLevelSplit(double[] g, double[] h, int[] n) {
        double gAll = sum(g, 0, g.length);
        double hAll = sum(h, 0, h.length);
        int nAll = count(n, 0, n.length);
        double bestGain = Double.NEGATIVE_INFINITY;
        double[] best = null;
        for (int level = 0; level < g.length; level++) {
            int nOut = nAll - n[level];
            if (n[level] < minLeaf || nOut < minLeaf) {
                continue;
            }
            double gOut = gAll - g[level];
            double hOut = hAll - h[level];
            double gain = g[level] * g[level] / (h[level] + l2) + gOut * gOut / (hOut + l2);
            if (gain > bestGain) {
                bestGain = gain;
                double in = g[level] / (h[level] + l2);
                double out = gOut / (hOut + l2);
                best = new double[g.length];
                for (int code = 0; code < g.length; code++) {
                    best[code] = code == level ? in : out;
                }
            }
        }
        return best;
    }

    private static double sum(double[] values, int from, int to) {
        double total = 0;
        for (int i = from; i < to; i++) {
            total += values[i];
        }
        return total;
    }

    private static int count(int[] values, int from, int to) {
        int total = 0;
        for (int i = from; i < to; i++) {
            total += values[i];
        }
        return total;
    }
}
