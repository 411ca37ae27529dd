package org.microloan.localstack.states;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One execution as the emulator keeps it (and writes to disk after every event, so a restart loses
 * nothing): what Describe and List answer, its history in the API's own shape, and where it stands
 * ({@code state} and {@code stateInput}: where a restart resumes and a redrive starts again).
 */
public final class Execution {

    /** An Express execution: in memory only, never written to disk, its history gone when it ends. */
    @JsonIgnore
    public boolean express;

    public String executionArn;
    public String name;
    public String stateMachineArn;
    public String definition;
    public String input;
    public String status;
    public Instant startDate;
    public Instant stopDate;
    public String output;
    public String error;
    public String cause;
    public int redriveCount;
    public Instant redriveDate;

    /** The state being run (or that failed) and its input: where a restart resumes and a redrive starts. */
    public String state;
    public JsonNode stateInput;

    public List<ObjectNode> events = new ArrayList<>();

    /** Appends a history event: {@code details} go under {@code <camelCaseType>EventDetails} when given. */
    synchronized ObjectNode event(String type, Instant at, String detailsName, ObjectNode details) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        long id = events.size() + 1L;
        event.put("id", id);
        event.put("previousEventId", id - 1);
        event.put("type", type);
        event.put("timestamp", at.toEpochMilli() / 1000.0);
        if (details != null) {
            event.set(detailsName, details);
        }
        events.add(event);
        return event;
    }

    public synchronized List<ObjectNode> history() {
        return List.copyOf(events);
    }

    public synchronized boolean running() {
        return "RUNNING".equals(status);
    }
}
