package org.microloan.localstack.states;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The Step Functions JSON API (awsJson1_0, {@code X-Amz-Target: AWSStepFunctions.<Call>}) over
 * {@link StepFunctions}: what the AWS SDK's SfnClient sends, answered in the shapes it reads.
 * Requests are not signature-checked: this is one machine's stack.
 */
public final class StepFunctionsApi implements HttpHandler {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int PAGE = 100;

    private final StepFunctions service;

    public StepFunctionsApi(StepFunctions service) {
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        int status = 200;
        JsonNode answer;
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode request = StepFunctions.mapper().readTree(in.readAllBytes());
            answer = call(target == null ? "" : target.substring(target.indexOf('.') + 1),
                    request == null ? NODES.objectNode() : request);
        } catch (StepFunctions.ApiException e) {
            status = 400;
            answer = NODES.objectNode().put("__type", e.type()).put("message", e.getMessage());
        } catch (IOException | RuntimeException e) {
            status = 400;
            answer = NODES.objectNode().put("__type", "ValidationException").put("message", String.valueOf(e.getMessage()));
        }
        byte[] body = StepFunctions.mapper().writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    JsonNode call(String operation, JsonNode r) {
        return switch (operation) {
            case "CreateStateMachine" -> {
                StepFunctions.StateMachine m = service.createStateMachine(text(r, "name"), text(r, "definition"), text(r, "roleArn"),
                        text(r, "type"));
                yield NODES.objectNode().put("stateMachineArn", m.stateMachineArn()).put("creationDate", seconds(m.creationDate()));
            }
            case "UpdateStateMachine" -> {
                service.updateStateMachine(text(r, "stateMachineArn"), text(r, "definition"));
                yield NODES.objectNode().put("updateDate", seconds(Instant.now()));
            }
            case "DescribeStateMachine" -> {
                StepFunctions.StateMachine m = service.machine(text(r, "stateMachineArn"));
                yield NODES.objectNode().put("stateMachineArn", m.stateMachineArn()).put("name", m.name())
                        .put("status", "ACTIVE").put("definition", m.definition()).put("roleArn", m.roleArn())
                        .put("type", m.type()).put("creationDate", seconds(m.creationDate()));
            }
            case "ListStateMachines" -> {
                ArrayNode list = NODES.arrayNode();
                service.machines().forEach(m -> list.addObject().put("stateMachineArn", m.stateMachineArn())
                        .put("name", m.name()).put("type", m.type()).put("creationDate", seconds(m.creationDate())));
                yield NODES.objectNode().set("stateMachines", list);
            }
            case "StartExecution" -> {
                Execution e = service.start(text(r, "stateMachineArn"), text(r, "name"), text(r, "input"));
                yield NODES.objectNode().put("executionArn", e.executionArn).put("startDate", seconds(e.startDate));
            }
            case "DescribeExecution" -> describe(service.execution(text(r, "executionArn")));
            case "ListExecutions" -> listExecutions(r);
            case "GetExecutionHistory" -> history(r);
            case "StopExecution" -> {
                Execution e = service.stop(text(r, "executionArn"), text(r, "error"), text(r, "cause"));
                yield NODES.objectNode().put("stopDate", seconds(e.stopDate));
            }
            case "RedriveExecution" -> {
                Execution e = service.redrive(text(r, "executionArn"));
                yield NODES.objectNode().put("redriveDate", seconds(e.redriveDate));
            }
            case "SendTaskSuccess" -> {
                service.sendTaskSuccess(text(r, "taskToken"), text(r, "output"));
                yield NODES.objectNode();
            }
            case "SendTaskFailure" -> {
                service.sendTaskFailure(text(r, "taskToken"), text(r, "error"), text(r, "cause"));
                yield NODES.objectNode();
            }
            case "SendTaskHeartbeat" -> {
                service.sendTaskHeartbeat(text(r, "taskToken"));
                yield NODES.objectNode();
            }
            default -> throw new StepFunctions.ApiException("UnknownOperationException",
                    "the local stack does not answer " + operation);
        };
    }

    private static ObjectNode describe(Execution e) {
        synchronized (e) {
            ObjectNode out = NODES.objectNode().put("executionArn", e.executionArn).put("stateMachineArn", e.stateMachineArn)
                    .put("name", e.name).put("status", e.status).put("startDate", seconds(e.startDate)).put("input", e.input)
                    .put("redriveCount", e.redriveCount)
                    .put("redriveStatus", e.running() || "SUCCEEDED".equals(e.status) ? "NOT_REDRIVABLE" : "REDRIVABLE");
            if (e.stopDate != null) {
                out.put("stopDate", seconds(e.stopDate));
            }
            if (e.output != null) {
                out.put("output", e.output);
            }
            if (e.error != null) {
                out.put("error", e.error);
            }
            if (e.cause != null) {
                out.put("cause", e.cause);
            }
            if (e.redriveDate != null) {
                out.put("redriveDate", seconds(e.redriveDate));
            }
            return out;
        }
    }

    private JsonNode listExecutions(JsonNode r) {
        List<Execution> all = service.executions(text(r, "stateMachineArn"), text(r, "statusFilter"));
        int from = r.hasNonNull("nextToken") ? Integer.parseInt(r.get("nextToken").asText()) : 0;
        int size = r.path("maxResults").asInt(0) > 0 ? r.get("maxResults").asInt() : PAGE;
        ArrayNode list = NODES.arrayNode();
        for (Execution e : all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()))) {
            ObjectNode item = list.addObject().put("executionArn", e.executionArn).put("stateMachineArn", e.stateMachineArn)
                    .put("name", e.name).put("status", e.status).put("startDate", seconds(e.startDate))
                    .put("redriveCount", e.redriveCount);
            if (e.stopDate != null) {
                item.put("stopDate", seconds(e.stopDate));
            }
        }
        ObjectNode out = NODES.objectNode();
        out.set("executions", list);
        if (from + size < all.size()) {
            out.put("nextToken", Integer.toString(from + size));
        }
        return out;
    }

    private JsonNode history(JsonNode r) {
        Execution e = service.execution(text(r, "executionArn"));
        List<ObjectNode> events = new java.util.ArrayList<>(e.history());
        if (r.path("reverseOrder").asBoolean(false)) {
            java.util.Collections.reverse(events);
        }
        boolean data = r.path("includeExecutionData").asBoolean(true);
        int from = r.hasNonNull("nextToken") ? Integer.parseInt(r.get("nextToken").asText()) : 0;
        int size = r.path("maxResults").asInt(0) > 0 ? r.get("maxResults").asInt() : 1000;
        ArrayNode list = NODES.arrayNode();
        for (ObjectNode event : events.subList(Math.min(from, events.size()), Math.min(from + size, events.size()))) {
            ObjectNode copy = event.deepCopy();
            if (!data) {
                Iterator<Map.Entry<String, JsonNode>> fields = copy.fields();
                while (fields.hasNext()) {
                    JsonNode details = fields.next().getValue();
                    if (details.isObject()) {
                        ((ObjectNode) details).remove(List.of("input", "output", "parameters"));
                    }
                }
            }
            list.add(copy);
        }
        ObjectNode out = NODES.objectNode();
        out.set("events", list);
        if (from + size < events.size()) {
            out.put("nextToken", Integer.toString(from + size));
        }
        return out;
    }

    private static String text(JsonNode r, String field) {
        return r.hasNonNull(field) ? r.get(field).asText() : null;
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }
}
