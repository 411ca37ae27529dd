package org.microloan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.microloan.localstack.states.Lambdas;
import org.microloan.localstack.states.LocalClock;
import org.microloan.localstack.streams.FilterPattern;

class EventSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stream record, its sequence number {@code n}. */
    private static JsonNode record(int n) {
        return JSON.createObjectNode().set("dynamodb", JSON.createObjectNode().put("SequenceNumber", String.valueOf(n)));
    }

    /** The sequence numbers of the records an invocation carries. */
    private static List<String> numbers(byte[] payload) {
        try {
            List<String> numbers = new ArrayList<>();
            JSON.readTree(payload).path("Records").forEach(r -> numbers.add(r.at("/dynamodb/SequenceNumber").asText()));
            return numbers;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBatchWithOnePoisonRecord_isHalvedUntilOnlyThatRecordFails_andOnlyItIsDeadLettered() {
        List<List<String>> delivered = new CopyOnWriteArrayList<>();
        Lambdas function = (name, payload) -> {
            List<String> numbers = numbers(payload);
            if (numbers.contains("3")) {
                return new Lambdas.Invocation("{\"errorType\":\"Boom\"}".getBytes(StandardCharsets.UTF_8), "Unhandled");
            }
            delivered.add(numbers);
            return new Lambdas.Invocation("{}".getBytes(StandardCharsets.UTF_8), null);
        };
        EventSources sources = new EventSources(function, new LocalClock(false, Optional.empty()));

        sources.deliver(new Deployment.StreamMapping("notify-partners", 4, 5, true, List.of()),
                List.of(record(1), record(2), record(3), record(4), record(5), record(6)));

        assertThat(delivered).containsExactly(List.of("1", "2"), List.of("4"), List.of("5", "6"));
        assertThat(sources.deadLetters()).hasSize(1).allSatisfy(l -> assertThat(l).contains("1 record(s) from 3"));
    }

    @Test
    void withoutBisection_theWholeBatchIsRetried_thenDeadLettered() {
        int[] calls = {0};
        Lambdas failing = (name, payload) -> {
            calls[0]++;
            return new Lambdas.Invocation("{}".getBytes(StandardCharsets.UTF_8), "Unhandled");
        };
        EventSources sources = new EventSources(failing, new LocalClock(false, Optional.empty()));

        sources.deliver(new Deployment.StreamMapping("notify-partners", 10, 2, false, List.of()), List.of(record(1), record(2)));

        assertThat(calls[0]).as("a try and two retries").isEqualTo(3);
        assertThat(sources.deadLetters()).hasSize(1).allSatisfy(l -> assertThat(l).contains("2 record(s) from 1"));
    }

    @Test
    void onlyTheRecordsPassingAFilter_reachTheFunction_andABatchWithNoneIsNoInvocation() {
        List<List<String>> delivered = new CopyOnWriteArrayList<>();
        Lambdas function = (name, payload) -> {
            delivered.add(numbers(payload));
            return new Lambdas.Invocation("{}".getBytes(StandardCharsets.UTF_8), null);
        };
        EventSources sources = new EventSources(function, new LocalClock(false, Optional.empty()));
        Deployment.StreamMapping odd = new Deployment.StreamMapping("notify-partners", 2, 5, true,
                List.of(FilterPattern.parse("{\"dynamodb\": {\"SequenceNumber\": [\"1\", \"3\", \"5\"]}}")));

        sources.deliver(odd, List.of(record(1), record(2), record(3), record(4), record(5)));
        sources.deliver(odd, List.of(record(6), record(8)));

        assertThat(delivered).as("batches of the records that pass, and nothing for a read with none")
                .containsExactly(List.of("1", "3"), List.of("5"));
    }
}
