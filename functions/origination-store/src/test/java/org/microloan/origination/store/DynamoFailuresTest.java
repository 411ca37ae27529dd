package org.microloan.origination.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.microloan.testing.DynamoDbLocal;
import org.microloan.workflow.StoreUnavailableException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class DynamoFailuresTest {

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void aStoreNobodyAnswers_isTheTransientStoreUnavailable_forTheWorkflowToRetry() {
        try (DynamoDbClient unreachable = client(URI.create("http://127.0.0.1:9"))) {
            assertThatThrownBy(() -> DynamoFailures.named(() -> unreachable.getItem(b -> b.tableName("origination")
                    .key(Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("y"))))))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageStartingWith("DynamoDB unavailable");
        }
    }

    @Test
    void aFailedCondition_staysWhatTheSdkThrew_forTheCallerToRead() {
        try (DynamoDbClient dynamo = client(DynamoDbLocal.endpoint())) {
            assertThatThrownBy(() -> DynamoFailures.named(() -> dynamo.putItem(b -> b.tableName(DynamoDbLocal.TABLE)
                    .item(Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("y")))
                    .conditionExpression("attribute_exists(pk)"))))
                    .isInstanceOf(ConditionalCheckFailedException.class);
        }
    }
}
