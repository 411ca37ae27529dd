package org.microloan.configuration;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secrets Manager, read once when a function starts: the books' credentials and the platform's own secrets
 * (the person-key secret, the rail's callback secret, partners' webhook secrets). The SDK finds region,
 * endpoint and credentials the standard way.
 */
public final class AwsSecrets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsSecrets() {
    }

    /** The secret's JSON object, field by field. */
    public static Map<String, String> fields(String secretArn) {
        return fieldsOf(secretString(secretArn));
    }

    static Map<String, String> fieldsOf(String secretString) {
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            JSON.readTree(secretString).fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            return fields;
        } catch (IOException e) {
            throw new IllegalStateException("a secret is not a JSON object of fields", e);
        }
    }

    static String secretString(String secretArn) {
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return secrets.getSecretValue(b -> b.secretId(secretArn)).secretString();
        }
    }
}
