package org.microloan.training;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** How well scores separate goods from bads, and what the cut-off costs. */
final class Metrics {

    private Metrics() {
    }

    /** AUC: the chance that a random good scores above a random bad, ties counting half (Mann–Whitney). */
    static double auc(int[] scores, boolean[] bad) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> scores[i]));
        double goodRankSum = 0;
        long goods = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (!bad[order[k]]) {
                    goodRankSum += rank;
                    goods++;
                }
            }
            i = j;
        }
        long bads = scores.length - goods;
        return (goodRankSum - goods * (goods + 1) / 2.0) / ((double) goods * bads);
    }

    /** KS: the largest gap between the score distributions of bads and goods. */
    static double ks(int[] scores, boolean[] bad) {
        int[] sorted = scores.clone();
        Arrays.sort(sorted);
        long goods = 0;
        for (boolean b : bad) {
            goods += b ? 0 : 1;
        }
        long bads = scores.length - goods;
        double best = 0;
        for (int threshold : sorted) {
            long goodBelow = 0;
            long badBelow = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] <= threshold) {
                    goodBelow += bad[i] ? 0 : 1;
                    badBelow += bad[i] ? 1 : 0;
                }
            }
            best = Math.max(best, Math.abs((double) badBelow / bads - (double) goodBelow / goods));
        }
        return best;
    }

    /** Expected cost of approving every score at or above {@code cutoff}: 5 per bad accepted, 1 per good declined. */
    static long cost(int[] scores, boolean[] bad, int cutoff) {
        long cost = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean approved = scores[i] >= cutoff;
            if (approved && bad[i]) {
                cost += ScorecardBuilder.COST_BAD_ACCEPTED;
            } else if (!approved && !bad[i]) {
                cost += ScorecardBuilder.COST_GOOD_DECLINED;
            }
        }
        return cost;
    }

    /** One tenth of the applicants by predicted PD: what was predicted, what happened. */
    record Decile(int decile, int applicants, double meanPd, double badRate) {
    }

    static List<Decile> calibration(BigDecimal[] pd, boolean[] bad) {
        Integer[] order = new Integer[pd.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> pd[i]));
        List<Decile> deciles = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = d * pd.length / 10;
            int to = (d + 1) * pd.length / 10;
            double pdSum = 0;
            int bads = 0;
            for (int k = from; k < to; k++) {
                pdSum += pd[order[k]].doubleValue();
                bads += bad[order[k]] ? 1 : 0;
            }
            deciles.add(new Decile(d + 1, to - from, pdSum / (to - from), (double) bads / (to - from)));
        }
        return deciles;
    }
}
