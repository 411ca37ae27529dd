package org.microloan.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.microloan.localstack.streams.FilterPattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The platform as the synthesized CDK template declares it (infra/target/cdk.out): its table, functions (name,
 * handler, memory, timeout, environment), state machines (type, definition and substitutions), schedules and
 * stream mapping. A value AWS resolves at deploy time (an ARN, a secret, a parameter) is replaced by what
 * stands for it locally; a literal is kept. A function, variable, machine or schedule added in CDK appears
 * here without touching the local stack, and one it cannot stand in for is refused at start.
 */
final class Deployment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "microloan ";

    /** A state machine of the template (STANDARD or EXPRESS), its substitutions made with the local resources. */
    record Machine(String name, String type, String definition) {
    }

    /** A state machine started every day at a time of day in a zone (EventBridge Scheduler's cron), with its input. */
    record DailySchedule(String machine, LocalTime at, ZoneId zone, String input) {
    }

    /** A function invoked every so often (an EventBridge rule's rate). */
    record RateSchedule(String function, Duration every) {
    }

    /**
     * A function reading the table's stream: records a batch, retries after a failed batch, and halving it; the
     * filters a record must pass one of to reach the function (none: every record does).
     */
    record StreamMapping(String function, int batchSize, int retries, boolean bisect, List<FilterPattern> filters) {

        StreamMapping {
            filters = List.copyOf(filters);
        }

        /** Whether Lambda hands the record to the function at all. */
        boolean passes(JsonNode record) {
            return filters.isEmpty() || filters.stream().anyMatch(f -> f.matches(record));
        }
    }

    /**
     * A function of the template, its environment resolved for this machine; its reserved concurrency when the
     * template reserves one (the most sandboxes it may run at once).
     */
    record Declared(String name, String handler, int memoryMb, Duration timeout, Map<String, String> environment,
                    OptionalInt reservedConcurrency) {
    }

    private final Path template;
    private final JsonNode resources;

    private Deployment(Path template, JsonNode resources) {
        this.template = template;
        this.resources = resources;
    }

    /** The template, read once for everything the local stack starts from it. */
    static Deployment read(Path template) {
        try {
            return new Deployment(template, JSON.readTree(Files.readString(template)).path("Resources"));
        } catch (IOException e) {
            throw new UncheckedIOException("no deployment at " + template + ": build it first (mvn -B package -DskipTests)", e);
        }
    }

    /**
     * The state machines, named as their construct (Origination → origination); a substitution naming a
     * function's alias becomes the local function's ARN, one naming the table the local table, one naming a
     * state machine that machine's local ARN.
     */
    List<Machine> stateMachines(String functionArnPrefix, String machineArnPrefix, String table) {
        List<Machine> machines = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> all = resources.fields();
        while (all.hasNext()) {
            Map.Entry<String, JsonNode> resource = all.next();
            if (!"AWS::StepFunctions::StateMachine".equals(resource.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode p = resource.getValue().path("Properties");
            String name = machineName(resource.getKey());
            String definition = p.path("DefinitionString").asText();
            Iterator<Map.Entry<String, JsonNode>> substitutions = p.path("DefinitionSubstitutions").fields();
            while (substitutions.hasNext()) {
                Map.Entry<String, JsonNode> substitution = substitutions.next();
                JsonNode target = resources.path(substitution.getValue().path("Ref").asText());
                String value = switch (target.path("Type").asText()) {
                    case "AWS::Lambda::Alias" -> functionArnPrefix + functionOf(substitution.getValue());
                    case "AWS::DynamoDB::Table" -> table;
                    case "AWS::StepFunctions::StateMachine" -> machineArnPrefix
                            + machineName(substitution.getValue().path("Ref").asText());
                    default -> throw new IllegalStateException("the template gives the " + name + " machine "
                            + substitution.getKey() + " from " + substitution.getValue()
                            + ", which the local stack has nothing to stand in for");
                };
                definition = definition.replace("${" + substitution.getKey() + "}", value);
            }
            machines.add(new Machine(name, p.path("StateMachineType").asText("STANDARD"), definition));
        }
        return machines;
    }

    private static String machineName(String logicalId) {
        return logicalId.replaceAll("[0-9A-F]{8}$", "").toLowerCase();
    }

    /** The local name of the function a reference reaches (through its alias, or an expression over the alias). */
    private String functionOf(JsonNode reference) {
        JsonNode ref = reference.findValue("Ref");
        JsonNode target = ref == null ? null : resources.path(ref.asText());
        if (target != null && "AWS::Lambda::Alias".equals(target.path("Type").asText())) {
            target = resources.path(target.at("/Properties/FunctionName/Ref").asText());
        }
        if (target == null || !target.at("/Properties/Description").asText().startsWith(PREFIX)) {
            throw new IllegalStateException("the template names a function by " + reference
                    + ", which is not one of the platform's functions");
        }
        return target.at("/Properties/Description").asText().substring(PREFIX.length());
    }

    private List<JsonNode> ofType(String type) {
        List<JsonNode> found = new ArrayList<>();
        resources.forEach(r -> {
            if (type.equals(r.path("Type").asText())) {
                found.add(r.path("Properties"));
            }
        });
        return found;
    }

    private static final Pattern DAILY = Pattern.compile("cron\\((\\d+) (\\d+) \\* \\* \\? \\*\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours)\\)");

    /**
     * The schedules that start a state machine, each {@code cron(m h * * ? *)} in its time zone (the only kind
     * the local scheduler keeps; another is refused at start, naming it).
     */
    List<DailySchedule> dailySchedules(String machineArnPrefix) {
        List<DailySchedule> schedules = new ArrayList<>();
        for (JsonNode p : ofType("AWS::Scheduler::Schedule")) {
            Matcher cron = DAILY.matcher(p.path("ScheduleExpression").asText());
            String target = p.at("/Target/Arn/Ref").asText();
            if (!cron.matches() || !"AWS::StepFunctions::StateMachine".equals(resources.at("/" + target + "/Type").asText())) {
                throw new IllegalStateException("the template schedules " + p.path("ScheduleExpression") + " for "
                        + p.at("/Target/Arn") + ": the local stack keeps daily cron schedules of a state machine only");
            }
            schedules.add(new DailySchedule(machineArnPrefix + machineName(target),
                    LocalTime.of(Integer.parseInt(cron.group(2)), Integer.parseInt(cron.group(1))),
                    ZoneId.of(p.path("ScheduleExpressionTimezone").asText("UTC")), p.at("/Target/Input").asText("{}")));
        }
        return schedules;
    }

    /** The EventBridge rules that invoke a function at a rate. */
    List<RateSchedule> rateSchedules() {
        List<RateSchedule> schedules = new ArrayList<>();
        for (JsonNode p : ofType("AWS::Events::Rule")) {
            Matcher rate = RATE.matcher(p.path("ScheduleExpression").asText());
            if (!rate.matches()) {
                throw new IllegalStateException("the template has the rule " + p.path("ScheduleExpression")
                        + ": the local stack keeps rate(n minutes|hours) rules only");
            }
            Duration every = rate.group(2).startsWith("minute") ? Duration.ofMinutes(Long.parseLong(rate.group(1)))
                    : Duration.ofHours(Long.parseLong(rate.group(1)));
            p.path("Targets").forEach(t -> schedules.add(new RateSchedule(functionOf(t.path("Arn")), every)));
        }
        return schedules;
    }

    /** The functions reading the table's stream, with the mapping's batch, retries, bisection and filters. */
    List<StreamMapping> streamMappings() {
        List<StreamMapping> mappings = new ArrayList<>();
        for (JsonNode p : ofType("AWS::Lambda::EventSourceMapping")) {
            List<FilterPattern> filters = new ArrayList<>();
            p.at("/FilterCriteria/Filters").forEach(f -> filters.add(FilterPattern.parse(f.path("Pattern").asText())));
            mappings.add(new StreamMapping(functionOf(p.path("FunctionName")), p.path("BatchSize").asInt(100),
                    // -1 (or absent) is Lambda's "until the record expires": a day of tries here too many, so 10
                    p.path("MaximumRetryAttempts").asInt(-1) < 0 ? 10 : p.path("MaximumRetryAttempts").asInt(),
                    p.path("BisectBatchOnFunctionError").asBoolean(false), filters));
        }
        return mappings;
    }

    /**
     * The table as the template declares it (keys, attributes, indexes, stream, TTL), named {@code name}
     * here; made if absent. DynamoDB Local keeps no encryption or recovery settings, so those stay AWS's.
     */
    void createTable(String name, DynamoDbClient dynamo) {
        JsonNode t = table();
        List<AttributeDefinition> attributes = new ArrayList<>();
        t.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
                .attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText()).build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        t.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(GlobalSecondaryIndex.builder()
                .indexName(i.path("IndexName").asText()).keySchema(keys(i.path("KeySchema")))
                .projection(Projection.builder().projectionType(i.at("/Projection/ProjectionType").asText()).build())
                .build()));
        try {
            dynamo.createTable(b -> {
                b.tableName(name).billingMode(t.path("BillingMode").asText("PAY_PER_REQUEST"))
                        .attributeDefinitions(attributes).keySchema(keys(t.path("KeySchema")));
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexes(indexes);
                }
                if (t.has("StreamSpecification")) {
                    b.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                            .streamViewType(t.at("/StreamSpecification/StreamViewType").asText()).build());
                }
            });
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
            if (t.at("/TimeToLiveSpecification/Enabled").asBoolean(false)) {
                dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(TimeToLiveSpecification.builder()
                        .attributeName(t.at("/TimeToLiveSpecification/AttributeName").asText()).enabled(true).build()));
            }
        } catch (ResourceInUseException made) {
            // made by an earlier start, with its data; one made before the stack read the template has no stream
            TableDescription kept = dynamo.describeTable(b -> b.tableName(name)).table();
            if (t.has("StreamSpecification") && kept.streamSpecification() == null) {
                dynamo.updateTable(b -> b.tableName(name).streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(t.at("/StreamSpecification/StreamViewType").asText()).build()));
            }
            // an index the template has gained since is added, as a stack update would
            Set<String> there = kept.globalSecondaryIndexes().stream()
                    .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
            for (GlobalSecondaryIndex index : indexes) {
                if (!there.contains(index.indexName())) {
                    dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(attributes).globalSecondaryIndexUpdates(
                            GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction.builder()
                                    .indexName(index.indexName()).keySchema(index.keySchema()).projection(index.projection())
                                    .build()).build()));
                }
            }
        }
    }

    /** The one table's properties, as the template declares them. */
    JsonNode table() {
        List<JsonNode> tables = ofType("AWS::DynamoDB::Table");
        if (tables.size() != 1) {
            throw new IllegalStateException("the template declares " + tables.size() + " tables, the local stack runs one");
        }
        return tables.get(0);
    }

    private static List<KeySchemaElement> keys(JsonNode schema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(KeySchemaElement.builder().attributeName(k.path("AttributeName").asText())
                .keyType(k.path("KeyType").asText()).build()));
        return keys;
    }

    /** Where `mvn package` leaves the template, beside the functions' folder. */
    static Path template(Path functions) {
        return functions.toAbsolutePath().normalize().getParent().resolve("infra/target/cdk.out/Microloan.template.json");
    }

    /**
     * @param local for each variable whose AWS value is resolved at deploy time, the local variables that
     *              stand for it (the KMS key's ARN → the local key; the books' secret → the user and password)
     */
    List<Declared> functions(String handler, Map<String, Map<String, String>> local) {
        List<Declared> declared = new ArrayList<>();
        for (JsonNode resource : resources) {
            JsonNode p = resource.path("Properties");
            // a natively built function is a custom runtime: its handler is only a name
            boolean ours = handler.equals(p.path("Handler").asText()) || p.path("Runtime").asText().startsWith("provided");
            if ("AWS::Lambda::Function".equals(resource.path("Type").asText()) && ours
                    && p.path("Description").asText().startsWith(PREFIX)) {
                declared.add(declared(p, local));
            }
        }
        if (declared.isEmpty()) {
            throw new IllegalStateException("the template at " + template + " declares no function");
        }
        return declared;
    }

    /**
     * The functions the deployment runs once as a step of its own (CDK triggers: the books' migrations), in
     * the template's order.
     */
    List<Declared> triggers(Map<String, Map<String, String>> local) {
        List<Declared> triggers = new ArrayList<>();
        for (JsonNode trigger : ofType("Custom::Trigger")) {
            JsonNode version = resources.path(trigger.at("/HandlerArn/Ref").asText());
            JsonNode function = resources.path(version.at("/Properties/FunctionName/Ref").asText());
            if (!function.at("/Properties/Description").asText().startsWith(PREFIX)) {
                throw new IllegalStateException("the template triggers " + trigger.path("HandlerArn")
                        + ", which is not one of the platform's functions");
            }
            triggers.add(declared(function.path("Properties"), local));
        }
        return triggers;
    }

    /** A function's name is the first word of its description after the prefix ("microloan books-schema: ..."). */
    private Declared declared(JsonNode p, Map<String, Map<String, String>> local) {
        String name = p.path("Description").asText().substring(PREFIX.length()).split("[: ]")[0];
        Map<String, String> environment = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> variables = p.at("/Environment/Variables").fields();
        while (variables.hasNext()) {
            Map.Entry<String, JsonNode> variable = variables.next();
            Map<String, String> standsIn = local.get(variable.getKey());
            if (standsIn != null) {
                environment.putAll(standsIn);
            } else if (variable.getValue().isTextual()) {
                environment.put(variable.getKey(), variable.getValue().asText());
            } else {
                throw new IllegalStateException("the template gives " + name + " " + variable.getKey() + " from "
                        + variable.getValue() + ", which the local stack has nothing to stand in for: add it to StandIns");
            }
        }
        JsonNode reserved = p.path("ReservedConcurrentExecutions");
        return new Declared(name, p.path("Handler").asText(), p.path("MemorySize").asInt(128),
                Duration.ofSeconds(p.path("Timeout").asInt(3)), environment,
                reserved.isMissingNode() ? OptionalInt.empty() : OptionalInt.of(reserved.asInt()));
    }
}
