package org.microloan.localstack.states;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Lambda integrations: {@code arn:aws:states:::lambda:invoke} (the result is the invoke response,
 * the function's answer under {@code Payload}) and a plain function ARN (the result is the answer). A
 * function's error becomes a States error named by its {@code errorType}, its cause the error document; a
 * runtime that crashed or timed out is {@code Lambda.Unknown}.
 */
public final class LambdaTasks {

    private final Lambdas lambdas;

    public LambdaTasks(Lambdas lambdas) {
        this.lambdas = lambdas;
    }

    public boolean handles(String resource) {
        return resource.equals("arn:aws:states:::lambda:invoke") || resource.startsWith("arn:aws:lambda:");
    }

    public JsonNode run(String resource, JsonNode parameters) {
        boolean integration = resource.startsWith("arn:aws:states:::");
        String function = integration ? parameters.path("FunctionName").asText(null) : resource;
        if (function == null) {
            throw StatesError.runtime("lambda:invoke needs Parameters.FunctionName");
        }
        JsonNode payload = integration ? parameters.path("Payload") : parameters;
        Lambdas.Invocation answer;
        try {
            answer = lambdas.invoke(function, StepFunctions.mapper().writeValueAsBytes(payload.isMissingNode()
                    ? JsonNodeFactory.instance.objectNode() : payload));
        } catch (Lambdas.ServiceException e) {
            throw new StatesError(e.error(), e.getMessage());
        } catch (IOException e) {
            throw StatesError.runtime(e.getMessage());
        }
        JsonNode body = read(answer.payload());
        if (answer.functionError() != null) {
            String type = body.path("errorType").asText("Exception");
            // the runtime died, ran out of memory or timed out: Step Functions calls that Lambda.Unknown
            boolean unhandled = type.startsWith("Runtime.") || type.startsWith("Sandbox.");
            throw new StatesError(unhandled ? "Lambda.Unknown" : type, body.toString());
        }
        if (!integration) {
            return body;
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("ExecutedVersion", "$LATEST");
        result.set("Payload", body);
        result.put("StatusCode", 200);
        return result;
    }

    private static JsonNode read(byte[] payload) {
        try {
            JsonNode node = payload == null || payload.length == 0 ? null : StepFunctions.mapper().readTree(payload);
            return node == null ? JsonNodeFactory.instance.nullNode() : node;
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
