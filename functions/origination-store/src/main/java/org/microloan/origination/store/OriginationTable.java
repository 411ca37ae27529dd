package org.microloan.origination.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The one table. Items by key:
 * <pre>
 * pk                       sk               what
 * APP#{applicationId}      APPLICATION      an application (gsi1: BORROWER#{borrowerId} / APP#{createdAt}#{id};
 *                                           queue, while it waits for a person: REVIEW / {when it began to wait})
 * APP#{applicationId}      NOTICE#{status}  a status change told to the partner (gsi1 while pending: NOTICE#DUE / {due epoch s}#...)
 * APP#{applicationId}      ACCEPTANCE_CODE  the digest of the last code sent for a partner's offer, and the wrong codes
 * PERSON#{personKey}       EXPOSURE         what the person owes or has reserved, in fen, across applications
 * PERSON#{personKey}       HELD#{appId}     what one application holds of it
 * BORROWER#{borrowerId}    LOAN#{loanId}    a loan of the borrower
 * IDEMPOTENCY#{key}        RECORD           a step's recorded result, with a TTL (expiresAt)
 * AUDIT#{China date}       {at}#{requestId} what a member of staff did, kept for good
 * </pre>
 * The CDK stack and the local stack create the same table.
 */
public final class OriginationTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String TTL = "expiresAt";
    public static final String QUEUE = "queue";
    public static final String QUEUED_AT = "queuedAt";

    private OriginationTable() {
    }

    public static void createIfAbsent(DynamoDbClient dynamo, String table) {
        try {
            dynamo.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(PK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(SK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(GSI1_PK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(GSI1_SK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(QUEUE).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(QUEUED_AT).attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(GSI1)
                            .keySchema(
                                    KeySchemaElement.builder().attributeName(GSI1_PK).keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName(GSI1_SK).keyType(KeyType.RANGE).build())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build(), GlobalSecondaryIndex.builder().indexName(QUEUE)
                            .keySchema(
                                    KeySchemaElement.builder().attributeName(QUEUE).keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName(QUEUED_AT).keyType(KeyType.RANGE).build())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build()));
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
            dynamo.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(TTL).enabled(true).build()));
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier start: nothing to do
        }
    }
}
