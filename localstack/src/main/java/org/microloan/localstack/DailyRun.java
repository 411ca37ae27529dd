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
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.microloan.localstack.states.Execution;
import org.microloan.localstack.states.LocalClock;
import org.microloan.localstack.states.StepFunctions;

/**
 * The daily servicing run as the template's schedule starts it: for each day the clock crosses (in the
 * schedule's zone, at its time), an execution of the state machine it names with its input, the scheduled
 * time in place of {@code <aws.scheduler.scheduled-time>}. The last day run is remembered with the stack's
 * data, so a restart does not run a day twice. Moving the clock runs at once every day it crossed, as if
 * the scheduler had fired on each; a day caught up late names its business date, which AWS's on-time
 * schedule leaves to the time.
 */
final class DailyRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCHEDULED_TIME = "<aws.scheduler.scheduled-time>";

    private final StepFunctions states;
    private final Deployment.DailySchedule schedule;
    private final LocalClock clock;
    private final ZoneId zone;
    private final Optional<Path> remembered;
    private LocalDate servicedUpTo;

    /** @param data where the last day run is kept; empty: in memory, starting today */
    DailyRun(StepFunctions states, Deployment.DailySchedule schedule, LocalClock clock, Optional<Path> data) {
        this.states = states;
        this.schedule = schedule;
        this.clock = clock;
        this.zone = schedule.zone();
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

    /** What the scheduler has fired by now: every day whose scheduled time has passed. */
    synchronized List<JsonNode> due() {
        LocalDate today = today();
        return upTo(clock.now().isBefore(today.atTime(schedule.at()).atZone(zone).toInstant()) ? today.minusDays(1) : today);
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
     * One day's run: an execution of the scheduled machine with the schedule's input, waited for; the pages
     * remind answered, from its history.
     */
    private List<JsonNode> run(LocalDate day) {
        Instant now = day.atTime(schedule.at()).atZone(zone).toInstant();
        if (clock.now().isAfter(now)) {
            now = clock.now();
        }
        try {
            ObjectNode input = (ObjectNode) JSON.readTree(schedule.input());
            for (Map.Entry<String, JsonNode> field : List.copyOf(input.properties())) {
                if (SCHEDULED_TIME.equals(field.getValue().asText())) {
                    input.put(field.getKey(), now.toString());
                }
            }
            if (input.has("businessDate") && input.get("businessDate").isNull()) {
                input.put("businessDate", day.toString());
            }
            String machine = schedule.machine().substring(schedule.machine().lastIndexOf(':') + 1);
            Execution execution = states.start(schedule.machine(), machine + "-" + day + "-" + UUID.randomUUID().toString()
                    .substring(0, 8), input.toString());
            while (execution.running()) {
                Thread.sleep(20);
            }
            if (!"SUCCEEDED".equals(execution.status)) {
                throw new IllegalStateException("the " + machine + " run of " + day + " ended " + execution.status + ": "
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
