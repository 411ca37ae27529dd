package org.microloan.training;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.microloan.scoring.ApplicantProfile;

/**
 * Applicants in credit_data's CSV form: a header naming the columns (any order; Status optional), then
 * one applicant a line, {@code NA} for a value not known. A line that cannot be read is kept as an
 * error with its line number, never dropped silently.
 */
public final class ApplicantCsv {

    public static final List<String> COLUMNS = List.of("Seniority", "Home", "Time", "Age", "Marital", "Records",
            "Job", "Expenses", "Income", "Assets", "Debt", "Amount", "Price");

    /** @param bad the outcome when the file has a Status column, else null */
    public record Row(int line, String text, ApplicantProfile profile, Boolean bad) {
    }

    public record Error(int line, String text, String message) {
    }

    public record Parsed(String header, List<Row> rows, List<Error> errors) {
    }

    private ApplicantCsv() {
    }

    public static Parsed parse(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the file is empty: the first line names the columns "
                    + String.join(",", COLUMNS));
        }
        String header = lines.get(0).strip();
        List<String> names = Arrays.stream(header.split(",", -1)).map(s -> unquote(s.strip())).toList();
        Map<String, Integer> index = names.stream().collect(Collectors.toMap(Function.identity(), names::indexOf, (a, b) -> a));
        List<String> absent = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException("the header lacks the column(s) " + absent + ": it needs "
                    + String.join(",", COLUMNS) + " (Status optional)");
        }
        List<Row> rows = new ArrayList<>();
        List<Error> errors = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                rows.add(row(i + 1, text, names.size(), index));
            } catch (IllegalArgumentException e) {
                errors.add(new Error(i + 1, text, e.getMessage()));
            }
        }
        return new Parsed(header, rows, errors);
    }

    private static Row row(int line, String text, int width, Map<String, Integer> index) {
        String[] f = text.split(",", -1);
        if (f.length != width) {
            throw new IllegalArgumentException("has " + f.length + " fields, the header " + width);
        }
        Function<String, String> field = name -> {
            String value = unquote(f[index.get(name)].strip());
            return value.isEmpty() || value.equals("NA") ? null : value;
        };
        Function<String, BigDecimal> number = name -> {
            String value = field.apply(name);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " '" + value + "' is not a number (or NA)");
            }
        };
        Boolean bad = null;
        if (index.containsKey("Status")) {
            String status = field.apply("Status");
            bad = status == null ? null : switch (status) {
                case "bad" -> true;
                case "good" -> false;
                default -> throw new IllegalArgumentException("Status '" + status + "' is neither good nor bad");
            };
        }
        ApplicantProfile profile = new ApplicantProfile(number.apply("Seniority"), field.apply("Home"),
                number.apply("Time"), number.apply("Age"), field.apply("Marital"), field.apply("Records"),
                field.apply("Job"), number.apply("Expenses"), number.apply("Income"), number.apply("Assets"),
                number.apply("Debt"), number.apply("Amount"), number.apply("Price"));
        return new Row(line, text, profile, bad);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
