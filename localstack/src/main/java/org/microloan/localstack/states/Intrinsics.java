package org.microloan.localstack.states;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The intrinsic functions of the States Language ({@code States.Format('APP#{}', $.id)} and the rest
 * that are cheap to be faithful to): a small recursive-descent parser over the expression, arguments
 * being string literals in single quotes, numbers, booleans, null, paths and nested functions.
 */
final class Intrinsics {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private final JsonNode data;
    private final JsonNode context;
    private int at;

    private Intrinsics(String text, JsonNode data, JsonNode context) {
        this.text = text;
        this.data = data;
        this.context = context;
    }

    static JsonNode evaluate(String expression, JsonNode data, JsonNode context) {
        Intrinsics parser = new Intrinsics(expression.trim(), data, context);
        JsonNode value = parser.argument();
        parser.space();
        if (parser.at != parser.text.length()) {
            throw invalid(expression, "unexpected text at " + parser.at);
        }
        return value;
    }

    private JsonNode argument() {
        space();
        if (at >= text.length()) {
            throw invalid(text, "an argument is missing");
        }
        char c = text.charAt(at);
        if (c == '\'') {
            return NODES.textNode(string());
        }
        if (c == '$') {
            int start = at;
            int depth = 0;
            while (at < text.length() && (depth > 0 || (text.charAt(at) != ',' && text.charAt(at) != ')'))) {
                if (text.charAt(at) == '[') {
                    depth++;
                } else if (text.charAt(at) == ']') {
                    depth--;
                }
                at++;
            }
            return Paths.read(text.substring(start, at).trim(), data, context);
        }
        if (text.startsWith("States.", at)) {
            int open = text.indexOf('(', at);
            String name = text.substring(at, open).trim();
            at = open + 1;
            List<JsonNode> args = new ArrayList<>();
            space();
            if (text.charAt(at) == ')') {
                at++;
            } else {
                while (true) {
                    args.add(argument());
                    space();
                    char next = text.charAt(at++);
                    if (next == ')') {
                        break;
                    }
                    if (next != ',') {
                        throw invalid(text, "expected , or ) at " + (at - 1));
                    }
                }
            }
            return call(name, args);
        }
        int start = at;
        while (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != ')') {
            at++;
        }
        String literal = text.substring(start, at).trim();
        try {
            return JSON.readTree(literal);
        } catch (JsonProcessingException e) {
            throw invalid(text, "'" + literal + "' is not a literal");
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '\\' && at < text.length()) {
                out.append(text.charAt(at++));
            } else if (c == '\'') {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw invalid(text, "a string is not closed");
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private JsonNode call(String name, List<JsonNode> args) {
        return switch (name) {
            case "States.Format" -> NODES.textNode(format(args));
            case "States.JsonToString" -> NODES.textNode(args.get(0).toString());
            case "States.StringToJson" -> parse(args.get(0).asText());
            case "States.Array" -> {
                ArrayNode array = NODES.arrayNode();
                args.forEach(array::add);
                yield array;
            }
            case "States.ArrayGetItem" -> args.get(0).get(args.get(1).asInt());
            case "States.ArrayLength" -> NODES.numberNode(args.get(0).size());
            case "States.ArrayContains" -> NODES.booleanNode(contains(args.get(0), args.get(1)));
            case "States.ArrayRange" -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = args.get(0).asInt(); i <= args.get(1).asInt(); i += args.get(2).asInt()) {
                    array.add(i);
                }
                yield array;
            }
            case "States.MathAdd" -> NODES.numberNode(new BigDecimal(args.get(0).asText()).add(new BigDecimal(args.get(1).asText())));
            case "States.StringSplit" -> {
                ArrayNode array = NODES.arrayNode();
                for (String part : args.get(0).asText().split("[" + java.util.regex.Pattern.quote(args.get(1).asText()) + "]")) {
                    if (!part.isEmpty()) {
                        array.add(part);
                    }
                }
                yield array;
            }
            case "States.Base64Encode" -> NODES.textNode(Base64.getEncoder().encodeToString(
                    args.get(0).asText().getBytes(StandardCharsets.UTF_8)));
            case "States.Base64Decode" -> NODES.textNode(new String(Base64.getDecoder().decode(args.get(0).asText()),
                    StandardCharsets.UTF_8));
            case "States.Hash" -> NODES.textNode(hash(args.get(0).asText(), args.get(1).asText()));
            case "States.UUID" -> NODES.textNode(UUID.randomUUID().toString());
            default -> throw invalid(text, "no intrinsic function " + name);
        };
    }

    private String format(List<JsonNode> args) {
        String template = args.get(0).asText();
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw invalid(text, "more {} than arguments");
                }
                JsonNode arg = args.get(next++);
                out.append(arg.isTextual() ? arg.asText() : arg.toString());
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(text, "not JSON: " + json);
        }
    }

    private static String hash(String value, String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new StatesError("States.Runtime", "no hash algorithm " + algorithm);
        }
    }

    private static StatesError invalid(String expression, String why) {
        return new StatesError("States.IntrinsicFailure", "the intrinsic function '" + expression + "' cannot be evaluated: " + why);
    }
}
