package org.microloan.origination.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.microloan.money.Money;
import org.microloan.workflow.ConcurrentUpdateException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static org.microloan.origination.store.DynamoApplicationStore.n;
import static org.microloan.origination.store.DynamoApplicationStore.s;
import static org.microloan.origination.store.OriginationTable.PK;
import static org.microloan.origination.store.OriginationTable.SK;

/**
 * {@link ExposureReservations} as items under the person ({@code PERSON#key}): {@code EXPOSURE} with the
 * total in fen, and {@code HELD#application} with what each application holds. A change writes both in one
 * transaction, conditional on what it read, so of two applications racing for the last room exactly one
 * wins, and a change made twice is made once.
 */
public final class DynamoExposureReservations implements ExposureReservations {

    private static final int TRIES = 5;
    /** The sort keys under the person: the total, and each application's part after the prefix. */
    private static final String TOTAL = "EXPOSURE";
    private static final String HELD = "HELD#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoExposureReservations(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> totalKey(String person) {
        return Map.of(PK, s("PERSON#" + person), SK, s(TOTAL));
    }

    private static Map<String, AttributeValue> heldKey(String person, String applicationId) {
        return Map.of(PK, s("PERSON#" + person), SK, s(HELD + applicationId));
    }

    @Override
    public boolean reserve(String person, String applicationId, Money amount, Money limit) {
        if (amount.isGreaterThan(limit)) {
            return false;
        }
        for (int i = 0; i < TRIES; i++) {
            Optional<Long> before = heldFen(person, applicationId);
            if (before.filter(fen -> fen > 0).isPresent()) {
                return true;
            }
            try {
                write(person, applicationId, before, amount.fen(), Optional.of(limit.fen() - amount.fen()));
                return true;
            } catch (TransactionCanceledException e) {
                if (!conflict(e)) {
                    // no room, or a concurrent reservation of this application won
                    return heldFen(person, applicationId).filter(fen -> fen > 0).isPresent();
                }
            }
        }
        throw new ConcurrentUpdateException("exposure of application " + applicationId);
    }

    /** Another transaction on the same items at the same moment: not a refusal, so try again. */
    private static boolean conflict(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    @Override
    public void hold(String person, String applicationId, Money amount) {
        for (int i = 0; i < TRIES; i++) {
            Optional<Long> before = heldFen(person, applicationId);
            if (before.orElse(0L) == amount.fen()) {
                return;
            }
            try {
                write(person, applicationId, before, amount.fen(), Optional.empty());
                return;
            } catch (TransactionCanceledException changedMeanwhile) {
                // read again and set it from there
            }
        }
        throw new ConcurrentUpdateException("exposure of application " + applicationId);
    }

    /**
     * Sets the application's part from {@code before} (absent: never held) to {@code fen}, and the total by
     * the difference; with {@code room}, only if the total before is at most that.
     */
    private void write(String person, String applicationId, Optional<Long> before, long fen, Optional<Long> room) {
        long delta = fen - before.orElse(0L);
        TransactWriteItem held = TransactWriteItem.builder().update(u -> u.tableName(table).key(heldKey(person, applicationId))
                .updateExpression("SET amountFen = :fen")
                .conditionExpression(before.isPresent() ? "amountFen = :before" : "attribute_not_exists(amountFen)")
                .expressionAttributeValues(before.isPresent() ? Map.of(":fen", n(fen), ":before", n(before.get()))
                        : Map.of(":fen", n(fen)))).build();
        TransactWriteItem total = TransactWriteItem.builder().update(u -> u.tableName(table).key(totalKey(person))
                .updateExpression("SET totalFen = if_not_exists(totalFen, :zero) + :delta")
                .conditionExpression(room.isPresent() ? "attribute_not_exists(totalFen) OR totalFen <= :room" : null)
                .expressionAttributeValues(room.isPresent()
                        ? Map.of(":zero", n(0), ":delta", n(delta), ":room", n(room.get()))
                        : Map.of(":zero", n(0), ":delta", n(delta)))).build();
        dynamo.transactWriteItems(b -> b.transactItems(held, total));
    }

    /** One consistent query of the person's items: the total and every application's part. */
    @Override
    public Standing standing(String person) {
        Money total = Money.ZERO;
        Map<String, Money> held = new HashMap<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s("PERSON#" + person)))).items()) {
            String sk = item.get(SK).s();
            if (sk.equals(TOTAL) && item.containsKey("totalFen")) {
                total = Money.ofFen(Long.parseLong(item.get("totalFen").n()));
            } else if (sk.startsWith(HELD) && item.containsKey("amountFen")) {
                held.put(sk.substring(HELD.length()), Money.ofFen(Long.parseLong(item.get("amountFen").n())));
            }
        }
        return new Standing(total, held);
    }

    @Override
    public Money held(String person, String applicationId) {
        return Money.ofFen(heldFen(person, applicationId).orElse(0L));
    }

    private Optional<Long> heldFen(String person, String applicationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(heldKey(person, applicationId))
                .consistentRead(true)).item();
        return item == null || !item.containsKey("amountFen") ? Optional.empty()
                : Optional.of(Long.parseLong(item.get("amountFen").n()));
    }
}
