package org.microloan.localstack.states;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The DynamoDB integrations: the optimized one ({@code arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem})
 * and the AWS SDK one ({@code arn:aws:states:::aws-sdk:dynamodb:<action>}, which may also wait for a task
 * token). The state's Parameters are the API request itself, sent to DynamoDB's JSON API as is; the answer
 * is the task's result. An error is named as Step Functions names it: {@code DynamoDB.<ExceptionName>} for
 * the optimized integration, {@code DynamoDb.<ExceptionName>} for the SDK's.
 */
public final class DynamoDbTasks {

    private static final String OPTIMIZED = "arn:aws:states:::dynamodb:";
    private static final String SDK = "arn:aws:states:::aws-sdk:dynamodb:";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DynamoDbTasks(URI endpoint) {
        this.endpoint = endpoint;
    }

    public boolean handles(String resource) {
        return resource.startsWith(OPTIMIZED) || resource.startsWith(SDK);
    }

    public JsonNode run(String resource, JsonNode parameters) {
        boolean sdk = resource.startsWith(SDK);
        String errors = sdk ? "DynamoDb." : "DynamoDB.";
        String call = resource.substring((sdk ? SDK : OPTIMIZED).length());
        String operation = Character.toUpperCase(call.charAt(0)) + call.substring(1);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                // DynamoDB Local reads the credential's shape, not its signature
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(parameters.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = StepFunctions.json(response.body().isEmpty() ? "{}" : response.body());
            if (response.statusCode() >= 300) {
                String type = body.path("__type").asText("InternalServerError");
                throw new StatesError(errors + type.substring(type.indexOf('#') + 1),
                        body.path("message").asText(body.path("Message").asText(response.body())));
            }
            return body;
        } catch (IOException e) {
            throw new StatesError(errors + (sdk ? "SdkClientException" : "AmazonDynamoDBException"),
                    "DynamoDB did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatesError("States.Aborted", "interrupted");
        }
    }
}
