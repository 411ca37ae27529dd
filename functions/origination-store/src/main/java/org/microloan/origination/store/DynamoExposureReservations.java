package org.microloan.origination.store;

import static org.microloan.origination.store.DynamoApplicationStore.n;
import static org.microloan.origination.store.DynamoApplicationStore.s;
import static org.microloan.origination.store.OriginationTable.PK;
import static org.microloan.origination.store.OriginationTable.SK;

import java.util.List;
import java.util.Map;

import org.microloan.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ExposureReservations} as one item per borrower: the total in fen, and the set of applications
 * that hold a part of it. One conditional update adds both, so of two applications racing for the
 * last room under the limit exactly one wins.
 */
public final class DynamoExposureReservations implements ExposureReservations {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoExposureReservations(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String borrowerId) {
        return Map.of(PK, s("BORROWER#" + borrowerId), SK, s("EXPOSURE"));
    }

    @Override
    public boolean reserve(String borrowerId, String applicationId, Money amount, Money limit) {
        if (amount.isGreaterThan(limit)) {
            return false;
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(borrowerId))
                    .updateExpression("SET totalFen = if_not_exists(totalFen, :zero) + :amount ADD applications :app")
                    .conditionExpression("(attribute_not_exists(totalFen) OR totalFen <= :room)"
                            + " AND (attribute_not_exists(applications) OR NOT contains(applications, :id))")
                    .expressionAttributeValues(Map.of(":zero", n(0), ":amount", n(amount.fen()),
                            ":room", n(limit.fen() - amount.fen()), ":app", AttributeValue.fromSs(List.of(applicationId)),
                            ":id", s(applicationId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return holds(borrowerId, applicationId);
        }
    }

    @Override
    public void release(String borrowerId, String applicationId, Money amount) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(borrowerId))
                    .updateExpression("SET totalFen = totalFen - :amount DELETE applications :app")
                    .conditionExpression("contains(applications, :id)")
                    .expressionAttributeValues(Map.of(":amount", n(amount.fen()),
                            ":app", AttributeValue.fromSs(List.of(applicationId)), ":id", s(applicationId))));
        } catch (ConditionalCheckFailedException alreadyReleased) {
            // released before: nothing to give back
        }
    }

    @Override
    public Money total(String borrowerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(borrowerId)).consistentRead(true)).item();
        return item == null || !item.containsKey("totalFen") ? Money.ZERO : Money.ofFen(Long.parseLong(item.get("totalFen").n()));
    }

    private boolean holds(String borrowerId, String applicationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(borrowerId)).consistentRead(true)).item();
        return item != null && item.containsKey("applications") && item.get("applications").ss().contains(applicationId);
    }
}
