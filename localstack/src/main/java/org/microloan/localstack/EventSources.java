package org.microloan.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.microloan.localstack.states.Lambdas;
import org.microloan.localstack.states.LocalClock;

/**
 * What Lambda's event sources do for a function: a scheduled event, and the table's stream as the mapping
 * declares it (batches of its size; a failed batch retried as many times as it allows, halved on each failure
 * when it bisects; a record that still fails goes to the dead letters, as the mapping's queue would keep it).
 */
final class EventSources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lambdas host;
    private final LocalClock clock;
    private final List<String> deadLetters = new ArrayList<>();

    EventSources(Lambdas host, LocalClock clock) {
        this.host = host;
        this.clock = clock;
    }

    /** The stream's records that pass {@code mapping}'s filters, to its function in batches of its size. */
    void deliver(Deployment.StreamMapping mapping, List<JsonNode> read) {
        List<JsonNode> records = read.stream().filter(mapping::passes).toList();
        for (int from = 0; from < records.size(); from += mapping.batchSize()) {
            batch(mapping, records.subList(from, Math.min(records.size(), from + mapping.batchSize())), mapping.retries());
        }
    }

    private void batch(Deployment.StreamMapping mapping, List<JsonNode> records, int retriesLeft) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode list = event.putArray("Records");
        records.forEach(list::add);
        String failure = invoke(mapping.function(), event);
        if (failure == null) {
            return;
        }
        if (retriesLeft <= 0) {
            // the mapping's on-failure destination gets where the batch was, never its records
            String letter = mapping.function() + " gave up on " + records.size() + " record(s) from "
                    + records.get(0).at("/dynamodb/SequenceNumber").asText() + ": " + failure;
            System.err.println(letter);
            synchronized (deadLetters) {
                deadLetters.add(letter);
            }
        } else if (mapping.bisect() && records.size() > 1) {
            int half = records.size() / 2;
            batch(mapping, records.subList(0, half), retriesLeft - 1);
            batch(mapping, records.subList(half, records.size()), retriesLeft - 1);
        } else {
            batch(mapping, records, retriesLeft - 1);
        }
    }

    /** What the stream mapping could not deliver, as its dead-letter queue would hold it. */
    List<String> deadLetters() {
        synchronized (deadLetters) {
            return List.copyOf(deadLetters);
        }
    }

    /** Invokes the function with the event: null when it answered, else what went wrong. */
    private String invoke(String function, ObjectNode event) {
        try {
            Lambdas.Invocation answer = host.invoke(function, JSON.writeValueAsBytes(event));
            return answer.functionError() == null ? null : new String(answer.payload(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return String.valueOf(e);
        }
    }

    /** EventBridge's scheduled event, as a rule sends it; an async invoke, so tried three times. */
    void schedule(String function) {
        ObjectNode event = JSON.createObjectNode().put("detail-type", "Scheduled Event").put("source", "aws.events")
                .put("time", clock.now().toString());
        for (int attempt = 1; attempt <= 3; attempt++) {
            String failure = invoke(function, event);
            if (failure == null) {
                return;
            }
            System.err.println(function + " failed on its scheduled event (attempt " + attempt + "): " + failure);
        }
    }
}
