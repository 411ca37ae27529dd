package org.microloan.configuration;

import java.util.Map;

/**
 * The books' credentials in AWS: the secret RDS keeps for the Aurora cluster (Secrets Manager, rotated there),
 * read once when a function starts, never put in its environment. Locally and in tests the environment
 * carries them instead.
 */
public record DatabaseSecret(String username, String password) {

    @Override
    public String toString() {
        return "DatabaseSecret[" + username + ", sealed]";
    }

    /** The secret RDS made ({@code {"username": ..., "password": ..., "host": ...}}). */
    public static DatabaseSecret parse(String secretString) {
        Map<String, String> fields = AwsSecrets.fieldsOf(secretString);
        if (fields.get("username") == null || fields.get("password") == null) {
            throw new IllegalStateException("the database secret has no username or password");
        }
        return new DatabaseSecret(fields.get("username"), fields.get("password"));
    }

    public static DatabaseSecret read(String secretArn) {
        return parse(AwsSecrets.secretString(secretArn));
    }
}
