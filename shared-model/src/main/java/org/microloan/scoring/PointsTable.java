package org.microloan.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The points one characteristic gives, by the bin the applicant's value falls in. */
public sealed interface PointsTable permits PointsTable.Numeric, PointsTable.Categorical {

    /** The points for a value; null (not known) scores the missing bin. */
    int pointsFor(Object value);

    /** The bin a value falls in, as the scorecard file writes it. */
    String binOf(Object value);

    int missingPoints();

    /** The most this characteristic can give: what a value costs is the shortfall from it. */
    int maxPoints();

    /**
     * Bins by upper edge: bin i holds values below {@code upperBounds[i]} (and at or above the edge
     * before it); the last bin, one more than the edges, holds the rest.
     */
    record Numeric(List<BigDecimal> upperBounds, List<Integer> points, int missingPoints) implements PointsTable {

        public Numeric {
            upperBounds = List.copyOf(upperBounds);
            points = List.copyOf(points);
            if (points.size() != upperBounds.size() + 1) {
                throw new IllegalArgumentException("a numeric table has one more bin than edges");
            }
        }

        int binIndex(BigDecimal value) {
            int i = 0;
            while (i < upperBounds.size() && value.compareTo(upperBounds.get(i)) >= 0) {
                i++;
            }
            return i;
        }

        @Override
        public int pointsFor(Object value) {
            return value == null ? missingPoints : points.get(binIndex((BigDecimal) value));
        }

        @Override
        public String binOf(Object value) {
            if (value == null) {
                return "missing";
            }
            int i = binIndex((BigDecimal) value);
            return i < upperBounds.size() ? "below " + upperBounds.get(i).toPlainString() : "else";
        }

        @Override
        public int maxPoints() {
            return Math.max(missingPoints, points.stream().mapToInt(Integer::intValue).max().orElseThrow());
        }
    }

    /** Points by level; a level the training never saw scores as missing. */
    record Categorical(Map<String, Integer> levelPoints, int missingPoints) implements PointsTable {

        public Categorical {
            levelPoints = Map.copyOf(levelPoints);
        }

        @Override
        public int pointsFor(Object value) {
            return value == null ? missingPoints : levelPoints.getOrDefault(value.toString(), missingPoints);
        }

        @Override
        public String binOf(Object value) {
            return value != null && levelPoints.containsKey(value.toString()) ? value.toString() : "missing";
        }

        @Override
        public int maxPoints() {
            return Math.max(missingPoints, levelPoints.values().stream().mapToInt(Integer::intValue).max().orElse(missingPoints));
        }
    }
}
