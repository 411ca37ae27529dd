package org.microloan.origination.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.microloan.workflow.AcceptanceCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import static org.microloan.origination.store.DynamoApplicationStore.n;
import static org.microloan.origination.store.DynamoApplicationStore.s;
import static org.microloan.origination.store.OriginationTable.PK;
import static org.microloan.origination.store.OriginationTable.SK;

/**
 * {@link AcceptanceCodes} as one item beside the application ({@code APP#id / ACCEPTANCE_CODE}). Each change
 * is one conditional update, so concurrent wrong codes all count and no code is sent past the limits.
 */
public final class DynamoAcceptanceCodes implements AcceptanceCodes {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAcceptanceCodes(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String applicationId) {
        return Map.of(PK, s("APP#" + applicationId), SK, s("ACCEPTANCE_CODE"));
    }

    @Override
    public Optional<AcceptanceCode> find(String applicationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(applicationId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public Optional<AcceptanceCode> issue(String applicationId, AcceptanceCode.Drawn drawn, Instant now,
                                          AcceptanceCode.Rules rules) {
        try {
            return Optional.of(read(dynamo.updateItem(b -> b.tableName(table).key(key(applicationId))
                    .updateExpression("SET issuedAt = :at, salt = :salt, digest = :digest, wrong = if_not_exists(wrong, :zero) "
                            + "ADD issued :one")
                    .conditionExpression("attribute_not_exists(pk) OR (issued < :codes AND wrong < :void)")
                    .expressionAttributeValues(Map.of(":at", s(now.toString()), ":salt", s(drawn.salt()),
                            ":digest", s(drawn.digest()), ":zero", n(0), ":one", n(1), ":codes", n(rules.codesPerOffer()),
                            ":void", n(rules.wrongCodesVoid())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes()));
        } catch (ConditionalCheckFailedException spent) {
            return Optional.empty();
        }
    }

    @Override
    public AcceptanceCode wrong(String applicationId) {
        return read(dynamo.updateItem(b -> b.tableName(table).key(key(applicationId))
                .updateExpression("ADD wrong :one").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":one", n(1))).returnValues(ReturnValue.ALL_NEW)).attributes());
    }

    private static AcceptanceCode read(Map<String, AttributeValue> item) {
        return new AcceptanceCode(Integer.parseInt(item.get("issued").n()), Instant.parse(item.get("issuedAt").s()),
                item.get("salt").s(), item.get("digest").s(), Integer.parseInt(item.get("wrong").n()));
    }
}
