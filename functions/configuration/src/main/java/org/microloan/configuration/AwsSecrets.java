package org.microloan.configuration;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** A secret's JSON object, field by field. */
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
        return secretStrings(List.of(secretArn)).get(0);
    }

    /** The secrets in order, through one client: a function starting up builds it once. */
    static List<String> secretStrings(List<String> secretArns) {
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return secretArns.stream().map(arn -> secrets.getSecretValue(b -> b.secretId(arn)).secretString()).toList();
        }
    }
}
