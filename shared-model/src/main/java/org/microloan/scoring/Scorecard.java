package org.microloan.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.microloan.configuration.Bundled;

/**
 * A points scorecard: a base, and for each characteristic the points of the bin the applicant falls
 * in; the sum is the score. Plain data, trained offline (`loanctl train`) and shipped as a text
 * resource, so a reader can see every point the model gives.
 *
 * @param approveScore the lowest score approved: below it the expected cost of lending is higher than
 *                     of declining
 * @param greyBand     points either side of {@code approveScore} where a large loan goes to a person
 * @param gradeFloors  the lowest score of grades A to D; E is everything below D
 */
public record Scorecard(
        String version,
        String method,
        Scaling scaling,
        int basePoints,
        int approveScore,
        int greyBand,
        Map<Grade, Integer> gradeFloors,
        Map<Characteristic, PointsTable> tables) {

    private static final String BUNDLED = "scorecard.txt";

    public Scorecard {
        Objects.requireNonNull(version, "version");
        gradeFloors = new EnumMap<>(gradeFloors);
        tables = new EnumMap<>(tables);
        for (Grade grade : List.of(Grade.A, Grade.B, Grade.C, Grade.D)) {
            if (!gradeFloors.containsKey(grade)) {
                throw new IllegalArgumentException("the scorecard needs a floor for grade " + grade);
            }
        }
    }

    /** The scorecard the platform ships, trained on credit_data. */
    public static Scorecard bundled() {
        return parse(Bundled.text(Scorecard.class, BUNDLED));
    }

    public CreditScore score(ApplicantProfile profile) {
        int score = basePoints;
        List<CreditScore.Contribution> contributions = new ArrayList<>(tables.size());
        for (Map.Entry<Characteristic, PointsTable> entry : tables.entrySet()) {
            Object value = entry.getKey().valueOf(profile);
            PointsTable table = entry.getValue();
            int points = table.pointsFor(value);
            score += points;
            contributions.add(new CreditScore.Contribution(entry.getKey(), table.binOf(value), points,
                    table.maxPoints() - points));
        }
        return new CreditScore(version, score, scaling.pdAt(score), gradeOf(score), contributions);
    }

    public Grade gradeOf(int score) {
        for (Grade grade : List.of(Grade.A, Grade.B, Grade.C, Grade.D)) {
            if (score >= gradeFloors.get(grade)) {
                return grade;
            }
        }
        return Grade.E;
    }

    public boolean approves(int score) {
        return score >= approveScore;
    }

    public boolean inGreyBand(int score) {
        return Math.abs(score - approveScore) < greyBand;
    }

    /** The text form: what `loanctl train` writes and {@link #parse} reads. */
    public String toText(String header) {
        StringBuilder text = new StringBuilder();
        header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        text.append("version ").append(version).append('\n');
        text.append("method ").append(method).append('\n');
        text.append("scaling ").append(scaling.score()).append(' ').append(scaling.odds()).append(' ')
                .append(scaling.pointsToDoubleOdds()).append('\n');
        text.append("base ").append(basePoints).append('\n');
        text.append("approve ").append(approveScore).append('\n');
        text.append("grey ").append(greyBand).append('\n');
        gradeFloors.forEach((grade, floor) -> text.append("grade ").append(grade).append(' ').append(floor).append('\n'));
        tables.forEach((characteristic, table) -> {
            text.append("characteristic ").append(characteristic).append('\n');
            if (table instanceof PointsTable.Numeric numeric) {
                for (int i = 0; i < numeric.upperBounds().size(); i++) {
                    text.append("  below ").append(numeric.upperBounds().get(i).toPlainString()).append(' ')
                            .append(numeric.points().get(i)).append('\n');
                }
                text.append("  else ").append(numeric.points().get(numeric.upperBounds().size())).append('\n');
            } else if (table instanceof PointsTable.Categorical categorical) {
                categorical.levelPoints().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                        text.append("  level ").append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
            }
            text.append("  missing ").append(table.missingPoints()).append('\n');
        });
        return text.toString();
    }

    public static Scorecard parse(String text) {
        Map<String, String> header = new LinkedHashMap<>();
        Map<Grade, Integer> floors = new EnumMap<>(Grade.class);
        Map<Characteristic, PointsTable> tables = new EnumMap<>(Characteristic.class);
        Characteristic current = null;
        List<BigDecimal> bounds = new ArrayList<>();
        List<Integer> points = new ArrayList<>();
        Map<String, Integer> levels = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].replaceFirst("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                switch (f[0]) {
                    case "characteristic" -> {
                        current = Characteristic.valueOf(f[1]);
                        bounds.clear();
                        points.clear();
                        levels.clear();
                    }
                    case "below" -> {
                        bounds.add(new BigDecimal(f[1]));
                        points.add(Integer.parseInt(f[2]));
                    }
                    case "else" -> points.add(Integer.parseInt(f[1]));
                    case "level" -> levels.put(f[1], Integer.parseInt(f[2]));
                    case "missing" -> {
                        int missing = Integer.parseInt(f[1]);
                        tables.put(Objects.requireNonNull(current, "missing before characteristic"),
                                current.categorical() ? new PointsTable.Categorical(levels, missing)
                                        : new PointsTable.Numeric(bounds, points, missing));
                    }
                    case "grade" -> floors.put(Grade.valueOf(f[1]), Integer.parseInt(f[2]));
                    default -> header.put(f[0], line.substring(f[0].length()).trim());
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("scorecard line " + (n + 1) + " '" + lines[n].trim()
                        + "' cannot be read: " + e.getMessage());
            }
        }
        String[] scaling = header.getOrDefault("scaling", "600 50 20").split("\\s+");
        return new Scorecard(header.get("version"), header.get("method"),
                new Scaling(Integer.parseInt(scaling[0]), Integer.parseInt(scaling[1]), Integer.parseInt(scaling[2])),
                Integer.parseInt(header.get("base")), Integer.parseInt(header.get("approve")),
                Integer.parseInt(header.get("grey")), floors, tables);
    }
}
