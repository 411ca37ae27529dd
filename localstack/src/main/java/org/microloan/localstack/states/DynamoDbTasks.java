package org.microloan.localstack.states;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The DynamoDB integrations ({@code arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem}):
 * the state's Parameters are the API request itself, sent to DynamoDB's JSON API as is; the answer is
 * the task's result. A DynamoDB error is {@code DynamoDB.<ExceptionName>}, as Step Functions names it.
 */
public final class DynamoDbTasks {

    private static final String PREFIX = "arn:aws:states:::dynamodb:";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DynamoDbTasks(URI endpoint) {
        this.endpoint = endpoint;
    }

    public boolean handles(String resource) {
        return resource.startsWith(PREFIX);
    }

    public JsonNode run(String resource, JsonNode parameters) {
        String call = resource.substring(PREFIX.length());
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
                throw new StatesError("DynamoDB." + type.substring(type.indexOf('#') + 1),
                        body.path("message").asText(body.path("Message").asText(response.body())));
            }
            return body;
        } catch (IOException e) {
            throw new StatesError("DynamoDB.AmazonDynamoDBException", "DynamoDB did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatesError("States.Aborted", "interrupted");
        }
    }
}
