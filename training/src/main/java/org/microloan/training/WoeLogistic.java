package org.microloan.training;

import java.util.EnumMap;
import java.util.Map;

import org.microloan.scoring.Characteristic;

/**
 * The classic scorecard, the baseline: each bin's weight of evidence, WoE = ln(share of goods / share
 * of bads) (half a count added to each cell so empty bins stay finite), then a logistic regression of
 * default on the WoE values, fitted by Newton's method with a small L2 penalty. A bin's term is
 * β_characteristic × WoE_bin.
 */
record WoeLogistic(double l2, int iterations) {

    static final WoeLogistic DEFAULT = new WoeLogistic(1.0, 30);

    AdditiveModel fit(int[][] codes, boolean[] bad, int[] rows, Binning binning) {
        Characteristic[] all = Characteristic.values();
        Map<Characteristic, double[]> woe = new EnumMap<>(Characteristic.class);
        double goods = 0;
        double bads = 0;
        for (int row : rows) {
            goods += bad[row] ? 0 : 1;
            bads += bad[row] ? 1 : 0;
        }
        for (Characteristic c : all) {
            int k = binning.codeCount(c);
            double[] good = new double[k];
            double[] badCount = new double[k];
            for (int row : rows) {
                int code = codes[row][c.ordinal()];
                if (bad[row]) {
                    badCount[code]++;
                } else {
                    good[code]++;
                }
            }
            double[] w = new double[k];
            for (int code = 0; code < k; code++) {
                w[code] = StrictMath.log(((good[code] + 0.5) / goods) / ((badCount[code] + 0.5) / bads));
            }
            woe.put(c, w);
        }
        int p = all.length + 1;
        double[][] x = new double[rows.length][p];
        for (int i = 0; i < rows.length; i++) {
            x[i][0] = 1;
            for (Characteristic c : all) {
                x[i][c.ordinal() + 1] = woe.get(c)[codes[rows[i]][c.ordinal()]];
            }
        }
        double[] beta = new double[p];
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            for (int i = 0; i < rows.length; i++) {
                double eta = 0;
                for (int j = 0; j < p; j++) {
                    eta += beta[j] * x[i][j];
                }
                double prob = 1 / (1 + StrictMath.exp(-eta));
                double residual = (bad[rows[i]] ? 1 : 0) - prob;
                double weight = prob * (1 - prob);
                for (int j = 0; j < p; j++) {
                    gradient[j] += residual * x[i][j];
                    for (int m = 0; m < p; m++) {
                        hessian[j][m] += weight * x[i][j] * x[i][m];
                    }
                }
            }
            for (int j = 1; j < p; j++) {
                gradient[j] -= l2 * beta[j];
                hessian[j][j] += l2;
            }
            double[] step = solve(hessian, gradient);
            for (int j = 0; j < p; j++) {
                beta[j] += step[j];
            }
        }
        Map<Characteristic, double[]> terms = new EnumMap<>(Characteristic.class);
        for (Characteristic c : all) {
            double[] w = woe.get(c);
            double[] term = new double[w.length];
            for (int code = 0; code < w.length; code++) {
                term[code] = beta[c.ordinal() + 1] * w[code];
            }
            terms.put(c, term);
        }
        return new AdditiveModel(beta[0], terms);
    }

    /** Gaussian elimination with partial pivoting: a is changed. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[] y = b.clone();
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double t = y[col];
            y[col] = y[pivot];
            y[pivot] = t;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k < n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
                y[row] -= factor * y[col];
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double total = y[row];
            for (int k = row + 1; k < n; k++) {
                total -= a[row][k] * solution[k];
            }
            solution[row] = total / a[row][row];
        }
        return solution;
    }
}
