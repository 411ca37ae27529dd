package org.microloan.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.microloan.localstack.lambda.LambdaHost;
import org.microloan.localstack.states.Lambdas;
import org.microloan.localstack.states.LocalClock;
import org.microloan.servicing.CreditLineReview;

/**
 * The daily servicing run as the scheduler would start it: for each business day (China time) the clock
 * crosses, {@code remind} page by page, and the credit-line reviews on a quarter's last day. The last day
 * run is remembered with the stack's data, so a restart does not run a day twice.
 */
final class DailyRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private final LambdaHost host;
    private final LocalClock clock;
    private final ZoneId zone;
    private final Optional<Path> remembered;
    private LocalDate servicedUpTo;

    /** @param data where the last day run is kept; empty: in memory, starting today */
    DailyRun(LambdaHost host, LocalClock clock, ZoneId zone, Optional<Path> data) {
        this.host = host;
        this.clock = clock;
        this.zone = zone;
        this.remembered = data.map(d -> d.resolve("scheduler.txt"));
        this.servicedUpTo = remembered.filter(Files::exists).map(DailyRun::read).orElse(today());
        save();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.now(), zone);
    }

    /** Moves the clock on and runs every day it crossed: the pages remind answered. */
    synchronized List<JsonNode> advance(Duration by) {
        clock.advance(by);
        return upTo(today());
    }

    /** Every day not yet run, up to {@code date}: the pages remind answered. */
    synchronized List<JsonNode> upTo(LocalDate date) {
        List<JsonNode> pages = new ArrayList<>();
        while (servicedUpTo.isBefore(date)) {
            LocalDate day = servicedUpTo.plusDays(1);
            pages.addAll(run(day, "LOANS"));
            if (CreditLineReview.dueOn(day)) {
                pages.addAll(run(day, "LINES"));
            }
            servicedUpTo = day;
            save();
        }
        return pages;
    }

    private List<JsonNode> run(LocalDate day, String part) {
        List<JsonNode> pages = new ArrayList<>();
        // the run of a business day happens at 08:05 in China, after the quiet hours
        Instant now = day.atTime(8, 5).atZone(zone).toInstant();
        if (clock.now().isAfter(now)) {
            now = clock.now();
        }
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("businessDate", day.toString());
            input.put("pageSize", PAGE);
            input.put("now", now.toString());
            input.put("part", part);
            if (after != null) {
                input.put("after", after);
            }
            try {
                Lambdas.Invocation answer = host.invoke("remind", JSON.writeValueAsBytes(input));
                JsonNode page = JSON.readTree(answer.payload());
                if (answer.functionError() != null) {
                    throw new IllegalStateException("remind failed on " + day + ": " + page);
                }
                pages.add(page);
                after = page.path("lastLoanId").asText(null);
                more = page.path("more").asBoolean(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }

    private static LocalDate read(Path file) {
        try {
            return LocalDate.parse(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save() {
        remembered.ifPresent(file -> {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, servicedUpTo.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
