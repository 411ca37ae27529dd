package org.microloan.training;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.microloan.scoring.ApplicantProfile;
import org.microloan.scoring.Characteristic;

/**
 * Every characteristic's values as ordered codes, fitted on the training rows: numeric values by
 * quantile edges (value below edge i → code i, the rest → the code after the last edge), categories by
 * level; the last code of each is "missing". The edges are rounded to four significant digits, so the
 * scorecard reads well and scores exactly as it was trained.
 */
final class Binning {

    private static final MathContext EDGE = new MathContext(4, RoundingMode.HALF_UP);

    private final Map<Characteristic, List<BigDecimal>> edges = new EnumMap<>(Characteristic.class);
    private final Map<Characteristic, List<String>> levels = new EnumMap<>(Characteristic.class);

    static Binning fit(List<ApplicantProfile> profiles, int[] rows, int quantiles) {
        Binning binning = new Binning();
        for (Characteristic c : Characteristic.values()) {
            if (c.categorical()) {
                TreeSet<String> seen = new TreeSet<>();
                for (int row : rows) {
                    Object value = c.valueOf(profiles.get(row));
                    if (value != null) {
                        seen.add(value.toString());
                    }
                }
                binning.levels.put(c, List.copyOf(seen));
            } else {
                List<BigDecimal> values = new ArrayList<>();
                for (int row : rows) {
                    Object value = c.valueOf(profiles.get(row));
                    if (value != null) {
                        values.add((BigDecimal) value);
                    }
                }
                values.sort(null);
                TreeSet<BigDecimal> cut = new TreeSet<>();
                for (int q = 1; q < quantiles && !values.isEmpty(); q++) {
                    BigDecimal edge = values.get(q * values.size() / quantiles).round(EDGE).stripTrailingZeros();
                    if (edge.compareTo(values.get(0)) > 0) {
                        cut.add(edge);
                    }
                }
                binning.edges.put(c, List.copyOf(cut));
            }
        }
        return binning;
    }

    List<BigDecimal> edges(Characteristic c) {
        return edges.get(c);
    }

    List<String> levels(Characteristic c) {
        return levels.get(c);
    }

    /** Codes 0 … count − 2 are bins (or levels) in order; count − 1 is missing. */
    int codeCount(Characteristic c) {
        return c.categorical() ? levels.get(c).size() + 1 : edges.get(c).size() + 2;
    }

    int missingCode(Characteristic c) {
        return codeCount(c) - 1;
    }

    int code(Characteristic c, Object value) {
        if (value == null) {
            return missingCode(c);
        }
        if (c.categorical()) {
            int level = levels.get(c).indexOf(value.toString());
            return level < 0 ? missingCode(c) : level;
        }
        List<BigDecimal> cut = edges.get(c);
        int i = 0;
        while (i < cut.size() && ((BigDecimal) value).compareTo(cut.get(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** codes[row][characteristic ordinal] for every profile. */
    int[][] codes(List<ApplicantProfile> profiles) {
        Characteristic[] all = Characteristic.values();
        int[][] codes = new int[profiles.size()][all.length];
        for (int row = 0; row < profiles.size(); row++) {
            for (Characteristic c : all) {
                codes[row][c.ordinal()] = code(c, c.valueOf(profiles.get(row)));
            }
        }
        return codes;
    }
}
