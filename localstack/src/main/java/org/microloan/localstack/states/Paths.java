package org.microloan.localstack.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import java.util.Iterator;
import java.util.Map;

/**
 * The States Language's paths, on Jackson trees: reading a path ({@code $...} on the state's data,
 * {@code $$...} on the context object) through Jayway JsonPath, Parameters-style templates with
 * {@code .$} keys and intrinsic functions, and the ResultPath merge.
 */
final class Paths {

    private static final Configuration JSON = Configuration.builder().jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider()).build();

    private Paths() {
    }

    /** The value at {@code path}; a path that finds nothing is a States.Runtime error. */
    static JsonNode read(String path, JsonNode data, JsonNode context) {
        if (path.startsWith("$$")) {
            return read(path.substring(1), context, context);
        }
        try {
            JsonNode value = JsonPath.using(JSON).parse(data.deepCopy()).read(path, JsonNode.class);
            return value == null ? JsonNodeFactory.instance.nullNode() : value;
        } catch (PathNotFoundException | IllegalArgumentException e) {
            throw StatesError.runtime("the JSONPath '" + path + "' could not be found in the input " + data);
        } catch (com.jayway.jsonpath.InvalidPathException e) {
            throw StatesError.runtime("the JSONPath '" + path + "' is not valid: " + e.getMessage());
        }
    }

    /** Whether {@code path} finds something (Choice rules' IsPresent). */
    static boolean present(String path, JsonNode data, JsonNode context) {
        if (path.startsWith("$$")) {
            return present(path.substring(1), context, context);
        }
        try {
            JsonPath.using(JSON).parse(data.deepCopy()).read(path, JsonNode.class);
            return true;
        } catch (PathNotFoundException e) {
            return false;
        }
    }

    /** A Parameters or ResultSelector template: keys ending in {@code .$} take a path or an intrinsic function. */
    static JsonNode template(JsonNode template, JsonNode data, JsonNode context) {
        if (template.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    String expression = field.getValue().asText();
                    out.set(key.substring(0, key.length() - 2), expression.startsWith("States.")
                            ? Intrinsics.evaluate(expression, data, context) : read(expression, data, context));
                } else {
                    out.set(key, template(field.getValue(), data, context));
                }
            }
            return out;
        }
        if (template.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            template.forEach(item -> out.add(template(item, data, context)));
            return out;
        }
        return template.deepCopy();
    }

    /** ResultPath: {@code null} keeps the input, {@code $} is the result, {@code $.a.b} puts it there in a copy. */
    static JsonNode merge(JsonNode input, JsonNode resultPathNode, JsonNode result) {
        if (resultPathNode != null && resultPathNode.isNull()) {
            return input;
        }
        String path = resultPathNode == null ? "$" : resultPathNode.asText();
        if (path.equals("$")) {
            return result;
        }
        if (!path.startsWith("$.")) {
            throw StatesError.runtime("ResultPath '" + path + "' is not a reference path");
        }
        if (!input.isObject()) {
            throw new StatesError("States.ResultPathMatchFailure", "cannot apply ResultPath '" + path
                    + "' to an input that is not an object: " + input);
        }
        ObjectNode root = (ObjectNode) input.deepCopy();
        String[] parts = path.substring(2).split("\\.");
        ObjectNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            if (next == null || !next.isObject()) {
                next = JsonNodeFactory.instance.objectNode();
                at.set(parts[i], next);
            }
            at = (ObjectNode) next;
        }
        at.set(parts[parts.length - 1], result);
        return root;
    }

    /** InputPath and OutputPath: absent is {@code $}, null is an empty object. */
    static JsonNode select(JsonNode pathNode, JsonNode data, JsonNode context) {
        if (pathNode == null) {
            return data;
        }
        if (pathNode.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        return read(pathNode.asText(), data, context);
    }
}
