package org.microloan.origination.idempotency;

import static org.microloan.origination.store.OriginationTable.PK;
import static org.microloan.origination.store.OriginationTable.SK;
import static org.microloan.origination.store.OriginationTable.TTL;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link IdempotencyStore} on the one table: one conditional put claims a key. */
public final class DynamoIdempotencyStore implements IdempotencyStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(PK, AttributeValue.fromS("IDEMPOTENCY#" + key), SK, AttributeValue.fromS("RECORD"));
    }

    @Override
    public Optional<IdempotencyRecord> getRecord(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyRecord(key, IdempotencyRecord.Status.valueOf(item.get("status").s()),
                item.get("payloadHash").s(), item.containsKey("result") ? item.get("result").s() : null,
                Instant.ofEpochSecond(Long.parseLong(item.get(TTL).n())),
                Instant.ofEpochMilli(Long.parseLong(item.get("inProgressUntil").n()))));
    }

    @Override
    public boolean putRecord(IdempotencyRecord inProgress, Instant now) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(inProgress))
                    .conditionExpression("attribute_not_exists(pk) OR #ttl < :nowSeconds"
                            + " OR (#status = :inProgress AND inProgressUntil < :nowMillis)")
                    .expressionAttributeNames(Map.of("#ttl", TTL, "#status", "status"))
                    .expressionAttributeValues(Map.of(":nowSeconds", AttributeValue.fromN(Long.toString(now.getEpochSecond())),
                            ":nowMillis", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                            ":inProgress", AttributeValue.fromS(IdempotencyRecord.Status.IN_PROGRESS.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void updateRecord(IdempotencyRecord completed) {
        dynamo.putItem(b -> b.tableName(table).item(item(completed)));
    }

    @Override
    public void deleteRecord(String key) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(key)));
    }

    private static Map<String, AttributeValue> item(IdempotencyRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.key()));
        item.put("status", AttributeValue.fromS(r.status().name()));
        item.put("payloadHash", AttributeValue.fromS(r.payloadHash()));
        if (r.result() != null) {
            item.put("result", AttributeValue.fromS(r.result()));
        }
        item.put(TTL, AttributeValue.fromN(Long.toString(r.expiresAt().getEpochSecond())));
        item.put("inProgressUntil", AttributeValue.fromN(Long.toString(r.inProgressUntil().toEpochMilli())));
        return item;
    }
}
