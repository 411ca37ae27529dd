package org.microloan.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.microloan.localstack.lambda.LambdaHost;
import org.microloan.localstack.states.Lambdas;
import org.microloan.localstack.states.LocalClock;

/** What Lambda's event sources do for a function: hand it an event, try three times, then report and drop it. */
final class EventSources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaHost host;
    private final LocalClock clock;

    EventSources(LambdaHost host, LocalClock clock) {
        this.host = host;
        this.clock = clock;
    }

    void deliver(String function, ObjectNode event) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                Lambdas.Invocation answer = host.invoke(function, JSON.writeValueAsBytes(event));
                if (answer.functionError() == null) {
                    return;
                }
                System.err.println(function + " failed on an event (attempt " + attempt + "): "
                        + new String(answer.payload(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                System.err.println(function + " could not be given an event (attempt " + attempt + "): " + e);
            }
        }
    }

    /** EventBridge's scheduled event, as a rule every minute sends it. */
    void schedule(String function) {
        deliver(function, JSON.createObjectNode().put("detail-type", "Scheduled Event").put("source", "aws.events")
                .put("time", clock.now().toString()));
    }
}
