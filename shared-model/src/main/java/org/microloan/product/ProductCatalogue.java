package org.microloan.product;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.microloan.configuration.Bundled;
import org.microloan.money.Money;
import org.microloan.money.Rate;
import org.microloan.schedule.DayCount;
import org.microloan.schedule.RepaymentMethod;
import org.microloan.scoring.Grade;
import org.microloan.scoring.ModelUnits;
import org.microloan.servicing.CollectionsPlan;
import org.microloan.servicing.ConductRules;
import org.microloan.servicing.CreditLineReview;
import org.microloan.servicing.EarlyWarnings;

/** The products on offer, read from the catalogue (a properties text; the default ships as a resource). */
public record ProductCatalogue(Map<String, Product> products, DecisionPolicy decisionPolicy, EarlyWarnings earlyWarnings,
                               CollectionsPlan collections, ConductRules conduct, CreditLineReview lineReview,
                               ModelUnits modelUnits) {

    private static final String BUNDLED = "products.properties";

    public ProductCatalogue {
        products = Map.copyOf(products);
    }

    public static ProductCatalogue bundled() {
        return parse(Bundled.text(ProductCatalogue.class, BUNDLED));
    }

    public static ProductCatalogue parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> codes = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".customer")) {
                codes.add(key.substring(0, key.length() - ".customer".length()));
            }
        }
        Map<String, Product> products = new LinkedHashMap<>();
        for (String code : codes) {
            products.put(code, product(code, new Entries(p, code)));
        }
        Entries root = new Entries(p, "decision");
        Entries collections = new Entries(p, "collections");
        Entries conduct = new Entries(p, "conduct");
        Entries review = new Entries(p, "line-review");
        Entries units = new Entries(p, "model-units");
        return new ProductCatalogue(products, new DecisionPolicy(Money.of(root.get("automatic-up-to")),
                Money.of(root.get("review-above")), root.integer("max-reasons")), EarlyWarnings.from(p),
                new CollectionsPlan(collections.integer("remind-days-before"), collections.integer("sms-up-to"),
                        collections.integer("negotiation-up-to"), collections.integer("promise-within-days")),
                new ConductRules(LocalTime.parse(conduct.get("quiet-from")), LocalTime.parse(conduct.get("quiet-until")),
                        conduct.integer("max-unanswered-calls-per-day")),
                new CreditLineReview(review.decimal("raise-share"), review.decimal("cut-share"), review.decimal("price-step"),
                        review.integer("min-on-time-payments"), review.integer("freeze-after-days")),
                new ModelUnits(units.decimal("cny-per-amount-unit"), units.decimal("cny-per-income-unit")));
    }

    public Optional<Product> find(String code) {
        return Optional.ofNullable(products.get(code));
    }

    public Product get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown product '" + code + "': use one of " + new TreeSet<>(products.keySet())));
    }

    private static Product product(String code, Entries e) {
        CustomerType customer = CustomerType.valueOf(e.get("customer"));
        DayCount dayCount = DayCount.fromLabel(e.get("day-count"));
        boolean daily = e.has("daily-rate-percent");
        String unit = daily ? "daily-" : "annual-";
        BigDecimal[] band = e.range(unit + "rate-percent");
        BigDecimal year = daily ? BigDecimal.valueOf(dayCount.daysInYear()) : BigDecimal.ONE;
        Map<Grade, BigDecimal> spread = new EnumMap<>(Grade.class);
        e.grades(daily ? "grade-spread-daily-percent" : "grade-spread-percent")
                .forEach((grade, percent) -> spread.put(grade, Rate.fromPercent(percent).multiply(year)));
        BigDecimal[] amount = e.range("amount");
        BigDecimal[] term = e.range("term-months");
        BigDecimal[] age = e.range("age");
        return new Product(code, e.get("name"), customer, Money.of(amount[0]), Money.of(amount[1]),
                term[0].intValueExact(), term[1].intValueExact(),
                Rate.fromPercent(band[0]).multiply(year), Rate.fromPercent(band[1]).multiply(year),
                Rate.fromPercent(e.decimal("base-" + unit + "rate-percent")).multiply(year), spread, daily,
                Arrays.stream(e.get("methods").split("\\s*,\\s*")).map(RepaymentMethod::valueOf).collect(Collectors.toSet()),
                dayCount, RoundingMode.valueOf(e.get("rounding")), age[0].intValueExact(), age[1].intValueExact(),
                switch (e.get("past-default-records")) {
                    case "allowed" -> true;
                    case "refused" -> false;
                    default -> throw new IllegalArgumentException(code + ".past-default-records is allowed or refused");
                },
                e.integer("applications-per-24h"), e.grades("line-multiple"),
                Money.of(e.root("limit." + customer)),
                switch (e.get("liveness")) {
                    case "required" -> true;
                    case "not-required" -> false;
                    default -> throw new IllegalArgumentException(code + ".liveness is required or not-required");
                },
                switch (e.get("paid-to")) {
                    case "borrower" -> Product.PaidTo.BORROWER;
                    case "merchant" -> Product.PaidTo.MERCHANT;
                    case "school" -> Product.PaidTo.SCHOOL;
                    default -> throw new IllegalArgumentException(code + ".paid-to is borrower, merchant or school");
                },
                switch (e.get("partial-repayment")) {
                    case "allowed" -> true;
                    case "refused" -> false;
                    default -> throw new IllegalArgumentException(code + ".partial-repayment is allowed or refused");
                });
    }

    /** One product's entries, with messages that name the key. */
    private record Entries(Properties properties, String code) {

        boolean has(String key) {
            return properties.containsKey(code + "." + key);
        }

        String get(String key) {
            String value = properties.getProperty(code + "." + key);
            if (value == null) {
                throw new IllegalArgumentException("the catalogue lacks " + code + "." + key);
            }
            return value.trim();
        }

        int integer(String key) {
            try {
                return Integer.parseInt(get(key));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(code + "." + key + " is a whole number, not '" + get(key) + "'");
            }
        }

        BigDecimal decimal(String key) {
            try {
                return new BigDecimal(get(key));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(code + "." + key + " is a number, not '" + get(key) + "'");
            }
        }

        String root(String key) {
            String value = properties.getProperty(key);
            if (value == null) {
                throw new IllegalArgumentException("the catalogue lacks " + key);
            }
            return value.trim();
        }

        BigDecimal[] range(String key) {
            String[] bounds = get(key).split("\\s*-\\s*");
            try {
                return new BigDecimal[] {new BigDecimal(bounds[0]), new BigDecimal(bounds[1])};
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException(code + "." + key + " is 'LOW-HIGH', e.g. 1000-5000, not '" + get(key) + "'");
            }
        }

        Map<Grade, BigDecimal> grades(String key) {
            Map<Grade, BigDecimal> byGrade = new EnumMap<>(Grade.class);
            for (String pair : get(key).split("\\s*,\\s*")) {
                String[] f = pair.trim().split("\\s+");
                byGrade.put(Grade.valueOf(f[0]), new BigDecimal(f[1]));
            }
            for (Grade grade : new Grade[] {Grade.A, Grade.B, Grade.C, Grade.D}) {
                if (!byGrade.containsKey(grade)) {
                    throw new IllegalArgumentException(code + "." + key + " needs a value for grade " + grade);
                }
            }
            return byGrade;
        }
    }
}
