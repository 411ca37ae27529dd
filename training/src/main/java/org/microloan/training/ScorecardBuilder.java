package org.microloan.training;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.microloan.scoring.ApplicantProfile;
import org.microloan.scoring.Characteristic;
import org.microloan.scoring.Grade;
import org.microloan.scoring.PointsTable;
import org.microloan.scoring.Scaling;
import org.microloan.scoring.Scorecard;

/**
 * Turns a fitted additive model into a scorecard: points = −factor × term (log-odds of default become
 * points for good odds), rounded to whole points; neighbouring bins with the same points merged; a
 * characteristic that gives everyone the same points folded into the base. The cut-offs are chosen on
 * the training rows, never on the validation rows.
 */
final class ScorecardBuilder {

    /** German-credit convention: accepting a bad costs 5, declining a good costs 1. */
    static final int COST_BAD_ACCEPTED = 5;
    static final int COST_GOOD_DECLINED = 1;
    /** Most of the applicants a grey band around the cut-off may send to a person. */
    static final double MAX_REVIEW_SHARE = 0.15;
    /** Probability of default at the floor of grades A, B and C; D reaches down to the cut-off. */
    static final double[] GRADE_PD = {0.03, 0.06, 0.10};

    private ScorecardBuilder() {
    }

    static Scorecard build(AdditiveModel model, Binning binning, Scaling scaling, String method,
                           List<ApplicantProfile> profiles, boolean[] bad, int[] trainRows) {
        double factor = scaling.factor();
        int base = (int) Math.round(scaling.offset() - factor * model.intercept());
        Map<Characteristic, PointsTable> tables = new EnumMap<>(Characteristic.class);
        for (Characteristic c : Characteristic.values()) {
            double[] term = model.termsByCode().get(c);
            int[] points = new int[term.length];
            for (int code = 0; code < term.length; code++) {
                points[code] = (int) Math.round(-factor * term[code]);
            }
            int low = java.util.Arrays.stream(points).min().orElseThrow();
            int high = java.util.Arrays.stream(points).max().orElseThrow();
            if (low == high) {
                base += low;
                continue;
            }
            tables.put(c, c.categorical() ? categorical(binning.levels(c), points) : numeric(binning.edges(c), points));
        }
        Scorecard provisional = new Scorecard("", method, scaling, base, 0, 0, floors(scaling, 0), tables);
        int[] scores = new int[trainRows.length];
        boolean[] outcomes = new boolean[trainRows.length];
        for (int i = 0; i < trainRows.length; i++) {
            scores[i] = provisional.score(profiles.get(trainRows[i])).score();
            outcomes[i] = bad[trainRows[i]];
        }
        int approve = cheapestCutoff(scores, outcomes);
        int grey = greyBand(scores, approve);
        return new Scorecard("", method, scaling, base, approve, grey, floors(scaling, approve), tables);
    }

    private static PointsTable numeric(List<BigDecimal> edges, int[] points) {
        int missing = points.length - 1;
        List<BigDecimal> kept = new ArrayList<>();
        List<Integer> keptPoints = new ArrayList<>();
        for (int code = 0; code < missing; code++) {
            boolean last = code == missing - 1;
            if (last || points[code] != points[code + 1]) {
                keptPoints.add(points[code]);
                if (!last) {
                    kept.add(edges.get(code));
                }
            }
        }
        return new PointsTable.Numeric(kept, keptPoints, points[missing]);
    }

    private static PointsTable categorical(List<String> levels, int[] points) {
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        for (int code = 0; code < levels.size(); code++) {
            byLevel.put(levels.get(code), points[code]);
        }
        return new PointsTable.Categorical(byLevel, points[levels.size()]);
    }

    /** The approval score with the lowest expected cost on these rows (the lowest such score on a tie). */
    static int cheapestCutoff(int[] scores, boolean[] bad) {
        int low = java.util.Arrays.stream(scores).min().orElseThrow();
        int high = java.util.Arrays.stream(scores).max().orElseThrow() + 1;
        int best = high;
        long bestCost = Long.MAX_VALUE;
        for (int cutoff = low; cutoff <= high; cutoff++) {
            long cost = Metrics.cost(scores, bad, cutoff);
            if (cost < bestCost) {
                bestCost = cost;
                best = cutoff;
            }
        }
        return best;
    }

    /** The widest band (at most 40 points) that holds no more than {@link #MAX_REVIEW_SHARE} of the rows. */
    private static int greyBand(int[] scores, int approve) {
        int width = 0;
        for (int w = 1; w <= 40; w++) {
            int inside = 0;
            for (int score : scores) {
                inside += Math.abs(score - approve) < w ? 1 : 0;
            }
            if (inside > MAX_REVIEW_SHARE * scores.length) {
                break;
            }
            width = w;
        }
        return width;
    }

    private static Map<Grade, Integer> floors(Scaling scaling, int approve) {
        Map<Grade, Integer> floors = new EnumMap<>(Grade.class);
        floors.put(Grade.D, approve);
        int below = approve;
        Grade[] grades = {Grade.C, Grade.B, Grade.A};
        for (int i = 0; i < grades.length; i++) {
            int floor = Math.max(below + 1, (int) Math.ceil(scaling.scoreAtPd(GRADE_PD[GRADE_PD.length - 1 - i])));
            floors.put(grades[i], floor);
            below = floor;
        }
        return floors;
    }
}
