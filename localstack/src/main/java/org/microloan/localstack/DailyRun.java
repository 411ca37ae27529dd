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
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.microloan.localstack.states.Execution;
import org.microloan.localstack.states.LocalClock;
import org.microloan.localstack.states.StepFunctions;

/**
 * The daily servicing run as the scheduler starts it: for each business day (China time) the clock crosses,
 * an execution of the servicing state machine (remind page by page, then the quarter's line reviews). The last day
 * run is remembered with the stack's data, so a restart does not run a day twice.
 */
final class DailyRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StepFunctions states;
    private final String servicingArn;
    private final LocalClock clock;
    private final ZoneId zone;
    private final Optional<Path> remembered;
    private LocalDate servicedUpTo;

    /** @param data where the last day run is kept; empty: in memory, starting today */
    DailyRun(StepFunctions states, String servicingArn, LocalClock clock, ZoneId zone, Optional<Path> data) {
        this.states = states;
        this.servicingArn = servicingArn;
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
            pages.addAll(run(day));
            servicedUpTo = day;
            save();
        }
        return pages;
    }

    /**
     * One business day's run: an execution of the servicing state machine, as the scheduler starts it (08:05
     * in China), waited for; the pages remind answered, from its history.
     */
    private List<JsonNode> run(LocalDate day) {
        // the run of a business day happens at 08:05 in China, after the quiet hours
        Instant now = day.atTime(8, 5).atZone(zone).toInstant();
        if (clock.now().isAfter(now)) {
            now = clock.now();
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("businessDate", day.toString());
        input.put("now", now.toString());
        input.put("after", null);
        try {
            Execution execution = states.start(servicingArn, "servicing-" + day + "-" + UUID.randomUUID().toString()
                    .substring(0, 8), JSON.writeValueAsString(input));
            while (execution.running()) {
                Thread.sleep(20);
            }
            if (!"SUCCEEDED".equals(execution.status)) {
                throw new IllegalStateException("the servicing run of " + day + " ended " + execution.status + ": "
                        + execution.error + " " + execution.cause);
            }
            List<JsonNode> pages = new ArrayList<>();
            for (JsonNode event : execution.history()) {
                if ("TaskSucceeded".equals(event.path("type").asText())) {
                    pages.add(JSON.readTree(event.at("/taskSucceededEventDetails/output").asText()).path("Payload"));
                }
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the servicing run of " + day, e);
        }
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
