package org.microloan.integrations.partners;

import static org.microloan.origination.store.OriginationTable.GSI1;
import static org.microloan.origination.store.OriginationTable.GSI1_PK;
import static org.microloan.origination.store.OriginationTable.GSI1_SK;
import static org.microloan.origination.store.OriginationTable.PK;
import static org.microloan.origination.store.OriginationTable.SK;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The notices to partners, beside their application in the one table ({@code APP#{id}} /
 * {@code NOTICE#{status}}). A pending notice is also under {@code NOTICE#DUE} in gsi1, sorted by when it
 * is next due, so the sweep reads only what is due; a delivered or given-up one leaves that index.
 */
public final class PartnerNotices {

    private static final String DUE = "NOTICE#DUE";

    private final DynamoDbClient dynamo;
    private final String table;

    public PartnerNotices(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Keeps a new notice; false when this status of this application was noticed already. */
    public boolean record(PartnerNotice notice) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(notice)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Replaces a notice after an attempt or a resend, if nobody else has attempted it since {@code before}
     * was read; false when someone has (their write stands).
     */
    public boolean update(PartnerNotice before, PartnerNotice after) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(after)).conditionExpression("attempts = :seen and #state = :state")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":seen", AttributeValue.fromN(Integer.toString(before.attempts())),
                            ":state", s(before.state().name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public Optional<PartnerNotice> find(String applicationId, String status) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PK, s("APP#" + applicationId), SK, s("NOTICE#" + status)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    /** An application's notices, in the order of their statuses' names. */
    public List<PartnerNotice> of(String applicationId) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk and begins_with(sk, :notice)")
                        .expressionAttributeValues(Map.of(":pk", s("APP#" + applicationId), ":notice", s("NOTICE#"))))
                .items().stream().map(PartnerNotices::read).toList();
    }

    /** Pending notices due by {@code now}, the longest waiting first. */
    public List<PartnerNotice> due(Instant now, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(GSI1).limit(limit)
                        .keyConditionExpression("#pk = :due and #sk <= :now")
                        .expressionAttributeNames(Map.of("#pk", GSI1_PK, "#sk", GSI1_SK))
                        .expressionAttributeValues(Map.of(":due", s(DUE), ":now", s(dueKey(now) + "~"))))
                .items().stream().map(PartnerNotices::read).toList();
    }

    private static String dueKey(Instant at) {
        return String.format("%012d", at.getEpochSecond());
    }

    private static Map<String, AttributeValue> item(PartnerNotice n) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s("APP#" + n.applicationId()));
        item.put(SK, s("NOTICE#" + n.status()));
        item.put("applicationId", s(n.applicationId()));
        item.put("status", s(n.status()));
        item.put("partnerId", s(n.partnerId()));
        item.put("messageId", s(n.messageId()));
        item.put("payload", s(n.payload()));
        item.put("createdAt", s(n.createdAt().toString()));
        item.put("attempts", AttributeValue.fromN(Integer.toString(n.attempts())));
        item.put("windowStart", s(n.windowStart().toString()));
        item.put("state", s(n.state().name()));
        if (n.lastResult() != null) {
            item.put("lastResult", s(n.lastResult()));
            item.put("lastAttemptAt", s(n.lastAttemptAt().toString()));
        }
        if (n.nextAttemptAt() != null) {
            item.put("nextAttemptAt", s(n.nextAttemptAt().toString()));
            item.put(GSI1_PK, s(DUE));
            item.put(GSI1_SK, s(dueKey(n.nextAttemptAt()) + "#" + n.applicationId() + "#" + n.status()));
        }
        return item;
    }

    private static PartnerNotice read(Map<String, AttributeValue> item) {
        return new PartnerNotice(item.get("applicationId").s(), item.get("status").s(), item.get("partnerId").s(),
                item.get("messageId").s(), item.get("payload").s(), Instant.parse(item.get("createdAt").s()),
                Integer.parseInt(item.get("attempts").n()), text(item, "lastResult"),
                instant(item, "lastAttemptAt"), Instant.parse(item.get("windowStart").s()), instant(item, "nextAttemptAt"),
                PartnerNotice.State.valueOf(item.get("state").s()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.parse(item.get(name).s()) : null;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
