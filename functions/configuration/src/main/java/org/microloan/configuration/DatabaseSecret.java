package org.microloan.configuration;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The books' credentials in AWS: the secret RDS keeps for the Aurora cluster (Secrets Manager, rotated there),
 * read once when a function starts, never put in its environment. Locally and in tests the environment
 * carries them instead.
 */
public record DatabaseSecret(String username, String password) {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String toString() {
        return "DatabaseSecret[" + username + ", sealed]";
    }

    /** The secret RDS made ({@code {"username": ..., "password": ..., "host": ...}}). */
    public static DatabaseSecret parse(String secretString) {
        try {
            Map<?, ?> fields = JSON.readValue(secretString, Map.class);
            Object username = fields.get("username");
            Object password = fields.get("password");
            if (username == null || password == null) {
                throw new IllegalStateException("the database secret has no username or password");
            }
            return new DatabaseSecret(username.toString(), password.toString());
        } catch (IOException e) {
            throw new IllegalStateException("the database secret is not JSON", e);
        }
    }

    /** Reads the secret named by its ARN; the SDK finds region, endpoint and credentials the standard way. */
    public static DatabaseSecret read(String secretArn) {
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return parse(secrets.getSecretValue(b -> b.secretId(secretArn)).secretString());
        }
    }
}
