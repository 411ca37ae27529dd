package org.microloan.origination.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.microloan.access.StaffAction;
import org.microloan.schedule.BusinessDate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.microloan.origination.store.OriginationTable.PK;
import static org.microloan.origination.store.OriginationTable.SK;

/** {@link AuditLog} on the one table: a partition a day, sorted by the moment, no expiry. */
public final class DynamoAuditLog implements AuditLog {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAuditLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static AttributeValue day(LocalDate day) {
        return AttributeValue.fromS("AUDIT#" + day);
    }

    @Override
    public void record(StaffAction a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, day(BusinessDate.of(a.at())));
        item.put(SK, AttributeValue.fromS(a.at() + "#" + a.requestId()));
        item.put("at", AttributeValue.fromS(a.at().toString()));
        item.put("who", AttributeValue.fromS(a.who()));
        item.put("roles", AttributeValue.fromL(a.roles().stream().map(AttributeValue::fromS).toList()));
        item.put("action", AttributeValue.fromS(a.action()));
        if (a.reason() != null) {
            item.put("reason", AttributeValue.fromS(a.reason()));
        }
        item.put("status", AttributeValue.fromN(Integer.toString(a.status())));
        item.put("requestId", AttributeValue.fromS(a.requestId()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<StaffAction> on(LocalDate day) {
        return dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("#pk = :day")
                        .expressionAttributeNames(Map.of("#pk", PK)).expressionAttributeValues(Map.of(":day", day(day)))
                        .scanIndexForward(false))
                .items().stream().map(item -> new StaffAction(Instant.parse(item.get("at").s()), item.get("who").s(),
                        item.get("roles").l().stream().map(AttributeValue::s).toList(), item.get("action").s(),
                        item.containsKey("reason") ? item.get("reason").s() : null, Integer.parseInt(item.get("status").n()),
                        item.get("requestId").s()))
                .toList();
    }
}
