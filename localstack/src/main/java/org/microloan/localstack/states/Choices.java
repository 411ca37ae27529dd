package org.microloan.localstack.states;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** A Choice state's rules: the comparison operators, their {@code ...Path} forms, and And/Or/Not. */
final class Choices {

    private Choices() {
    }

    /** The Next of the first rule that matches, or null. */
    static String next(Definition.Choice state, JsonNode input, JsonNode context) {
        for (JsonNode rule : state.rules()) {
            if (matches(rule, input, context)) {
                return rule.path("Next").asText();
            }
        }
        return state.defaultNext();
    }

    static boolean matches(JsonNode rule, JsonNode input, JsonNode context) {
        if (rule.has("And")) {
            for (JsonNode r : rule.get("And")) {
                if (!matches(r, input, context)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode r : rule.get("Or")) {
                if (matches(r, input, context)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context);
        }
        String variable = rule.path("Variable").asText();
        Iterator<Map.Entry<String, JsonNode>> fields = rule.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String operator = field.getKey();
            if (operator.equals("Variable") || operator.equals("Next") || operator.equals("Comment")) {
                continue;
            }
            if (operator.equals("IsPresent")) {
                return Paths.present(variable, input, context) == field.getValue().asBoolean();
            }
            if (!Paths.present(variable, input, context)) {
                // a comparison on a missing variable is an error, as in Step Functions
                throw StatesError.runtime("Invalid path '" + variable + "': the choice state's condition path references"
                        + " an invalid value");
            }
            JsonNode value = Paths.read(variable, input, context);
            JsonNode expected = field.getValue();
            if (operator.endsWith("Path") && !operator.startsWith("Is")) {
                expected = Paths.read(expected.asText(), input, context);
                operator = operator.substring(0, operator.length() - 4);
            }
            return compare(operator, value, expected);
        }
        throw StatesError.runtime("a choice rule has no comparison: " + rule);
    }

    private static boolean compare(String operator, JsonNode value, JsonNode expected) {
        return switch (operator) {
            case "IsNull" -> value.isNull() == expected.asBoolean();
            case "IsBoolean" -> value.isBoolean() == expected.asBoolean();
            case "IsNumeric" -> value.isNumber() == expected.asBoolean();
            case "IsString" -> value.isTextual() == expected.asBoolean();
            case "IsTimestamp" -> (value.isTextual() && timestamp(value.asText()) != null) == expected.asBoolean();
            case "BooleanEquals" -> value.isBoolean() && value.asBoolean() == expected.asBoolean();
            case "StringEquals" -> value.isTextual() && value.asText().equals(expected.asText());
            case "StringLessThan" -> value.isTextual() && value.asText().compareTo(expected.asText()) < 0;
            case "StringGreaterThan" -> value.isTextual() && value.asText().compareTo(expected.asText()) > 0;
            case "StringLessThanEquals" -> value.isTextual() && value.asText().compareTo(expected.asText()) <= 0;
            case "StringGreaterThanEquals" -> value.isTextual() && value.asText().compareTo(expected.asText()) >= 0;
            case "StringMatches" -> value.isTextual() && glob(expected.asText()).matcher(value.asText()).matches();
            case "NumericEquals" -> value.isNumber() && number(value).compareTo(number(expected)) == 0;
            case "NumericLessThan" -> value.isNumber() && number(value).compareTo(number(expected)) < 0;
            case "NumericGreaterThan" -> value.isNumber() && number(value).compareTo(number(expected)) > 0;
            case "NumericLessThanEquals" -> value.isNumber() && number(value).compareTo(number(expected)) <= 0;
            case "NumericGreaterThanEquals" -> value.isNumber() && number(value).compareTo(number(expected)) >= 0;
            case "TimestampEquals" -> timestamps(value, expected, c -> c == 0);
            case "TimestampLessThan" -> timestamps(value, expected, c -> c < 0);
            case "TimestampGreaterThan" -> timestamps(value, expected, c -> c > 0);
            case "TimestampLessThanEquals" -> timestamps(value, expected, c -> c <= 0);
            case "TimestampGreaterThanEquals" -> timestamps(value, expected, c -> c >= 0);
            default -> throw StatesError.runtime("no choice operator " + operator);
        };
    }

    private static BigDecimal number(JsonNode node) {
        return node.decimalValue();
    }

    /** A comparison of two timestamps; false when either is not one. */
    private static boolean timestamps(JsonNode value, JsonNode expected, IntPredicate test) {
        OffsetDateTime a = value.isTextual() ? timestamp(value.asText()) : null;
        OffsetDateTime b = timestamp(expected.asText());
        return a != null && b != null && test.test(a.toInstant().compareTo(b.toInstant()));
    }

    private static OffsetDateTime timestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** StringMatches: {@code *} is any run of characters, {@code \*} a star. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
