package org.microloan.origination.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.microloan.workflow.ApplicationStatus;
import org.microloan.workflow.ConcurrentUpdateException;
import org.microloan.workflow.IllegalTransitionException;
import org.microloan.workflow.StoreUnavailableException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import static org.microloan.origination.store.OriginationTable.GSI1;
import static org.microloan.origination.store.OriginationTable.GSI1_PK;
import static org.microloan.origination.store.OriginationTable.GSI1_SK;
import static org.microloan.origination.store.OriginationTable.PK;
import static org.microloan.origination.store.OriginationTable.QUEUE;
import static org.microloan.origination.store.OriginationTable.QUEUED_AT;
import static org.microloan.origination.store.OriginationTable.SK;

/** {@link ApplicationStore} on the one DynamoDB table, with conditional writes. */
public final class DynamoApplicationStore implements ApplicationStore {

    private static final String ITEM = "APPLICATION";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoApplicationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String applicationId) {
        return Map.of(PK, s("APP#" + applicationId), SK, s(ITEM));
    }

    @Override
    public void create(StoredApplication a) {
        Map<String, AttributeValue> item = new HashMap<>(key(a.applicationId()));
        item.put("applicationId", s(a.applicationId()));
        item.put("borrowerId", s(a.borrowerId()));
        item.put("status", s(a.status().name()));
        item.put("version", n(a.version()));
        item.put("createdAt", s(a.createdAt().toString()));
        item.put("facts", s(a.facts()));
        if (a.personKey() != null) {
            item.put("personKey", s(a.personKey()));
        }
        item.put("personal", AttributeValue.fromB(SdkBytes.fromByteArray(a.personal())));
        if (a.masked() != null) {
            item.put("masked", s(a.masked()));
        }
        item.put("results", AttributeValue.fromM(a.results().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
        item.put(GSI1_PK, s("BORROWER#" + a.borrowerId()));
        item.put(GSI1_SK, s("APP#" + a.createdAt() + "#" + a.applicationId()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("application " + a.applicationId() + " already exists");
        }
    }

    @Override
    public Optional<StoredApplication> find(String applicationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(applicationId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public Optional<StoredApplication> claim(String applicationId, String step, Instant now, Instant until) {
        try {
            return Optional.of(read(dynamo.updateItem(b -> b.tableName(table).key(key(applicationId))
                    .updateExpression("SET #claim = :until")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#claim) OR #claim < :now"
                            + " OR attribute_exists(#results.#step))")
                    .expressionAttributeNames(Map.of("#pk", PK, "#claim", claimOf(step), "#results", "results", "#step", step))
                    .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()), ":now", n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes()));
        } catch (ConditionalCheckFailedException e) {
            if (find(applicationId).isEmpty()) {
                return Optional.empty();
            }
            throw new ConcurrentUpdateException("step " + step + " of application " + applicationId + " is already running");
        }
    }

    @Override
    public void release(String applicationId, String step, Instant until) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(applicationId))
                    .updateExpression("REMOVE #claim")
                    .conditionExpression("#claim = :until")
                    .expressionAttributeNames(Map.of("#claim", claimOf(step)))
                    .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()))));
        } catch (ConditionalCheckFailedException e) {
            // the claim had run out and another run holds it now, or it was never there
        }
    }

    /** A run's claim on a step: an attribute of the application, holding until when (epoch milliseconds). */
    private static String claimOf(String step) {
        return "claim#" + step;
    }

    /** BatchGetItem's most keys a request. */
    private static final int BATCH = 100;
    private static final int UNPROCESSED_ATTEMPTS = 6;

    @Override
    public Map<String, StoredApplication> findAll(Collection<String> applicationIds) {
        Map<String, StoredApplication> found = new HashMap<>();
        List<String> ids = List.copyOf(new LinkedHashSet<>(applicationIds));
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
                    .map(DynamoApplicationStore::key).toList();
            Map<String, KeysAndAttributes> ask = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            // what DynamoDB leaves unprocessed (throttled, or over 16 MB) is asked again, a little later each time
            for (int attempt = 0; !ask.isEmpty(); attempt++) {
                if (attempt == UNPROCESSED_ATTEMPTS) {
                    throw new StoreUnavailableException("DynamoDB", new IllegalStateException(
                            "reads left unprocessed " + attempt + " times"));
                }
                pause(attempt);
                Map<String, KeysAndAttributes> asked = ask;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(asked));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    StoredApplication a = read(item);
                    found.put(a.applicationId(), a);
                });
                ask = response.unprocessedKeys();
            }
        }
        return found;
    }

    private static void pause(int attempt) {
        if (attempt > 0) {
            try {
                Thread.sleep(25L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("DynamoDB", e);
            }
        }
    }

    @Override
    public StoredApplication advance(StoredApplication current, ApplicationStatus to, String step, String resultJson) {
        if (!current.status().canMoveTo(to)) {
            throw new IllegalTransitionException(current.applicationId(), current.status(), to);
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":to", s(to.name()));
        values.put(":expected", n(current.version()));
        values.put(":one", n(1));
        values.put(":result", s(resultJson));
        List<ApplicationStatus> from = List.copyOf(to.predecessors());
        for (int i = 0; i < from.size(); i++) {
            values.put(":from" + i, s(from.get(i).name()));
        }
        String allowed = values.keySet().stream().filter(k -> k.startsWith(":from")).collect(Collectors.joining(", "));
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#version", "version", "#results", "results",
                "#step", step, "#claim", claimOf(step)));
        if (to != ApplicationStatus.IN_REVIEW) {
            names.put("#queue", QUEUE);
            names.put("#queuedAt", QUEUED_AT);
        }
        try {
            // no item asked back: the version condition makes the result the application as it was, plus this write
            dynamo.updateItem(b -> b.tableName(table).key(key(current.applicationId()))
                    .updateExpression("SET #status = :to, #version = #version + :one, #results.#step = :result"
                            // moving on leaves the review queue, where the workflow's ManualReview put it
                            + " REMOVE #claim" + (to == ApplicationStatus.IN_REVIEW ? "" : ", #queue, #queuedAt"))
                    .conditionExpression("#version = :expected AND #status IN (" + allowed + ")")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return current.after(to, step, resultJson);
        } catch (ConditionalCheckFailedException e) {
            StoredApplication now = find(current.applicationId()).orElseThrow();
            if (now.version() != current.version()) {
                throw new ConcurrentUpdateException("application " + current.applicationId() + " changed from version "
                        + current.version() + " to " + now.version() + " while " + step + " ran");
            }
            throw new IllegalTransitionException(current.applicationId(), now.status(), to);
        }
    }

    @Override
    public StoredApplication record(StoredApplication current, String step, String resultJson) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(current.applicationId()))
                    .updateExpression("SET #version = #version + :one, #results.#step = :result REMOVE #claim")
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", "version", "#results", "results", "#step", step,
                            "#claim", claimOf(step)))
                    .expressionAttributeValues(Map.of(":one", n(1), ":expected", n(current.version()), ":result", s(resultJson))));
            return current.after(current.status(), step, resultJson);
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("application " + current.applicationId() + " changed while " + step + " ran");
        }
    }

    @Override
    public void recordLoan(String borrowerId, String loanId, String applicationId) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(PK, s("BORROWER#" + borrowerId), SK, s("LOAN#" + loanId),
                "loanId", s(loanId), "applicationId", s(applicationId))));
    }

    @Override
    public List<String> loansOf(String borrowerId) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :loan)")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":pk", s("BORROWER#" + borrowerId), ":loan", s("LOAN#"))))
                .items().stream().map(item -> item.get("loanId").s()).toList();
    }

    @Override
    public List<StoredApplication> ofBorrower(String borrowerId) {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName(GSI1)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :app)")
                        .expressionAttributeNames(Map.of("#pk", GSI1_PK, "#sk", GSI1_SK))
                        .expressionAttributeValues(Map.of(":pk", s("BORROWER#" + borrowerId), ":app", s("APP#")))
                        .scanIndexForward(false))
                .items().stream().map(DynamoApplicationStore::read).toList();
    }

    @Override
    public List<StoredApplication> createdBetween(Instant from, Instant to) {
        return dynamo.scanPaginator(b -> b.tableName(table).filterExpression("sk = :app")
                        .expressionAttributeValues(Map.of(":app", s(ITEM))))
                .items().stream().map(DynamoApplicationStore::read)
                .filter(a -> !a.createdAt().isBefore(from) && a.createdAt().isBefore(to)).toList();
    }

    @Override
    public List<Waiting> waitingForReview() {
        return dynamo.queryPaginator(b -> b.tableName(table).indexName(QUEUE)
                        .keyConditionExpression("#queue = :review")
                        .filterExpression("#status = :inReview")
                        .expressionAttributeNames(Map.of("#queue", QUEUE, "#status", "status"))
                        .expressionAttributeValues(Map.of(":review", s("REVIEW"),
                                ":inReview", s(ApplicationStatus.IN_REVIEW.name()))))
                .items().stream()
                .map(item -> new Waiting(read(item), Instant.parse(item.get(QUEUED_AT).s())))
                .toList();
    }

    private static StoredApplication read(Map<String, AttributeValue> item) {
        Map<String, String> results = new LinkedHashMap<>();
        item.getOrDefault("results", AttributeValue.fromM(Map.of())).m().forEach((k, v) -> results.put(k, v.s()));
        return new StoredApplication(item.get("applicationId").s(), item.get("borrowerId").s(),
                ApplicationStatus.valueOf(item.get("status").s()), Long.parseLong(item.get("version").n()),
                Instant.parse(item.get("createdAt").s()), item.get("facts").s(), item.get("personal").b().asByteArray(),
                item.containsKey("masked") ? item.get("masked").s() : null, results, item.containsKey("personKey") ? item.get("personKey").s() : null,
                item.containsKey("workflowFailure") ? item.get("workflowFailure").s() : null);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
