package org.microloan.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.microloan.configuration.Bundled;
import org.microloan.money.Rate;

/**
 * The one-year Loan Prime Rate as published, each value from the date it took effect. The table is
 * configuration (text, one {@code DATE PERCENT} a line); the published history ships as a resource.
 */
public record LprTable(List<Fixing> fixings) {

    /** @param rate as a fraction: 3.00% is {@code 0.0300} */
    public record Fixing(LocalDate effective, BigDecimal rate) {
    }

    private static final String BUNDLED = "lpr-1y.txt";

    public LprTable {
        fixings = fixings.stream().sorted(Comparator.comparing(Fixing::effective)).toList();
        if (fixings.isEmpty()) {
            throw new IllegalArgumentException("an LPR table needs at least one fixing");
        }
    }

    /** The one-year LPR history that ships with the platform. */
    public static LprTable published() {
        return parse(Bundled.text(LprTable.class, BUNDLED));
    }

    /** Lines of {@code 2025-05-20 3.00} (date, percent); blank lines and {@code #} comments ignored. */
    public static LprTable parse(String text) {
        List<Fixing> fixings = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].replaceFirst("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("[\\s,;]+");
            try {
                if (fields.length != 2) {
                    throw new IllegalArgumentException("expected two fields");
                }
                fixings.add(new Fixing(LocalDate.parse(fields[0]), Rate.fromPercent(new BigDecimal(fields[1]))));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("LPR table line " + (n + 1) + " '" + lines[n].trim()
                        + "' is not 'YYYY-MM-DD PERCENT', e.g. '2025-05-20 3.00'");
            }
        }
        return new LprTable(fixings);
    }

    /** The fixing in force on {@code date}: the latest one effective on or before it. */
    public Optional<Fixing> on(LocalDate date) {
        Fixing found = null;
        for (Fixing fixing : fixings) {
            if (fixing.effective().isAfter(date)) {
                break;
            }
            found = fixing;
        }
        return Optional.ofNullable(found);
    }

    public LocalDate firstEffective() {
        return fixings.get(0).effective();
    }
}
