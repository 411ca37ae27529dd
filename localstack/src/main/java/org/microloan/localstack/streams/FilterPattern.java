package org.microloan.localstack.streams;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One of an event source mapping's filters ({@code FilterCriteria.Filters[].Pattern}), matched as Lambda matches
 * it before it invokes: every field the pattern names must match; a list of rules matches when one of them
 * does; a rule is a value (equal), or {@code prefix}, {@code suffix}, {@code equals-ignore-case},
 * {@code anything-but}, {@code exists} or {@code numeric}. A pattern with anything else is refused when the
 * template is read, so a filter is never half understood.
 */
public final class FilterPattern {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPERATORS = Set.of("prefix", "suffix", "equals-ignore-case", "anything-but",
            "exists", "numeric");

    private final JsonNode pattern;

    private FilterPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    /** The pattern as the template writes it (a JSON object in a string). */
    public static FilterPattern parse(String pattern) {
        JsonNode node;
        try {
            node = JSON.readTree(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a filter pattern is a JSON object, not " + pattern, e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a filter pattern is a JSON object, not " + pattern);
        }
        check(node, pattern);
        return new FilterPattern(node);
    }

    private static void check(JsonNode node, String whole) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            JsonNode value = fields.next().getValue();
            if (value.isObject()) {
                check(value, whole);
            } else if (value.isArray()) {
                for (JsonNode rule : value) {
                    if (rule.isObject()) {
                        String operator = rule.size() == 1 ? rule.fieldNames().next() : "";
                        if (!OPERATORS.contains(operator)) {
                            throw new IllegalArgumentException("the filter pattern " + whole + " has the rule " + rule
                                    + ", which the local stack does not know; it knows values and " + OPERATORS);
                        }
                        if (operator.equals("numeric") && !comparisons(rule.get(operator))) {
                            throw new IllegalArgumentException("the filter pattern " + whole + " has the rule " + rule
                                    + ": numeric takes pairs of a comparison (=, >, >=, <, <=) and a number");
                        }
                    } else if (rule.isArray()) {
                        throw new IllegalArgumentException("the filter pattern " + whole + " has a list in a list");
                    }
                }
            } else {
                throw new IllegalArgumentException("the filter pattern " + whole + " has the bare value " + value
                        + ": a field's rules are a list, as [" + value + "]");
            }
        }
    }

    private static boolean comparisons(JsonNode operand) {
        if (!operand.isArray() || operand.isEmpty() || operand.size() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < operand.size(); i += 2) {
            if (!Set.of("=", ">", ">=", "<", "<=").contains(operand.get(i).asText()) || !operand.get(i + 1).isNumber()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the record (a stream record as Lambda's event carries it) passes this filter. */
    public boolean matches(JsonNode record) {
        return matches(pattern, record);
    }

    private static boolean matches(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = event == null ? null : event.get(field.getKey());
            boolean ok = field.getValue().isObject()
                    // a missing object still matches a pattern whose every rule is exists: false
                    ? (value == null || value.isObject()) && matches(field.getValue(), value)
                    : anyRule(field.getValue(), value);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyRule(JsonNode rules, JsonNode value) {
        for (JsonNode rule : rules) {
            if (value != null && value.isArray()) {
                for (JsonNode element : value) {
                    if (rule(rule, element)) {
                        return true;
                    }
                }
            } else if (rule(rule, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean rule(JsonNode rule, JsonNode value) {
        if (!rule.isObject()) {
            return value != null && equal(rule, value);
        }
        String operator = rule.fieldNames().next();
        JsonNode operand = rule.get(operator);
        if (operator.equals("exists")) {
            return operand.asBoolean() == (value != null);
        }
        if (value == null || value.isContainerNode()) {
            return false;
        }
        return switch (operator) {
            case "prefix" -> value.isTextual() && value.asText().startsWith(operand.asText());
            case "suffix" -> value.isTextual() && value.asText().endsWith(operand.asText());
            case "equals-ignore-case" -> value.isTextual() && value.asText().equalsIgnoreCase(operand.asText());
            case "anything-but" -> !anyRule(operand.isArray() ? operand : JSON.createArrayNode().add(operand), value);
            case "numeric" -> value.isNumber() && numeric(operand, value.decimalValue());
            default -> false;
        };
    }

    private static boolean equal(JsonNode rule, JsonNode value) {
        if (rule.isNumber() && value.isNumber()) {
            return rule.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return rule.equals(value);
    }

    /** {@code [">", 0, "<=", 5]}: every comparison holds. */
    private static boolean numeric(JsonNode comparisons, BigDecimal value) {
        for (int i = 0; i + 1 < comparisons.size(); i += 2) {
            int c = value.compareTo(comparisons.get(i + 1).decimalValue());
            boolean holds = switch (comparisons.get(i).asText()) {
                case "=" -> c == 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterPattern other && pattern.equals(other.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern.toString();
    }
}
