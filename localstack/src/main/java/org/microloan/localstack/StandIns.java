package org.microloan.localstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What stands in off AWS for each function variable whose value AWS resolves at deploy time, keyed by the
 * template's variable name: a key for the KMS key, the user and password for the books' secret, the
 * platform's secrets for their secret's ARN, the simulators for the providers, a token issuer. The same
 * names for this machine's stack and for the compose path; only the values differ.
 *
 * @param simulators  where the provider simulators answer
 * @param jwtPublicKey where the token issuer's public key is read from
 */
record StandIns(String table, String encryptionKey, String databaseUrl, String personKey, String simulators,
                String originationArn, String servicingArn, String jwtPublicKey) {

    Map<String, Map<String, String>> byVariable() {
        Map<String, Map<String, String>> local = new HashMap<>();
        local.put("TABLE_NAME", Map.of("TABLE_NAME", table));
        local.put("MICROLOAN_ENCRYPTION_KMS_KEY_ID", Map.of("MICROLOAN_ENCRYPTION_KEY", encryptionKey));
        local.put("DATABASE_URL", Map.of("DATABASE_URL", databaseUrl));
        local.put("DATABASE_JDBC_URL", Map.of("DATABASE_JDBC_URL", "jdbc:" + databaseUrl));
        local.put("DATABASE_SECRET_ARN", Map.of("DATABASE_USER", "postgres", "DATABASE_PASSWORD", "postgres"));
        local.put("PLATFORM_SECRET_ARN", Map.of("MICROLOAN_PERSON_KEY_SECRET", personKey,
                "MICROLOAN_RAIL_CALLBACK_SECRET", LocalStack.RAIL_CALLBACK_SECRET,
                "MICROLOAN_PARTNERS_DEMO_SECRET", LocalStack.DEMO_PARTNER_SECRET,
                "MICROLOAN_PARTNERS_DEMO_URL", simulators + "/partners/demo/hooks"));
        local.put("STATE_MACHINE_ARN", Map.of("STATE_MACHINE_ARN", originationArn));
        local.put("SERVICING_STATE_MACHINE_ARN", Map.of("SERVICING_STATE_MACHINE_ARN", servicingArn));
        for (String provider : List.of("KYC_URL", "BUREAU_URL", "PAYMENT_RAIL_URL", "SMS_URL")) {
            local.put(provider, Map.of(provider, simulators));
        }
        local.put("JWT_PUBLIC_KEY_LOCATION", Map.of("JWT_PUBLIC_KEY_LOCATION", jwtPublicKey));
        local.put("JWT_ISSUER", Map.of("JWT_ISSUER", TokenIssuer.ISSUER));
        local.put("JWT_AUDIENCE", Map.of("JWT_AUDIENCE", TokenIssuer.AUDIENCE));
        // staff sign in at the development issuer, which also issues the borrowers' tokens: no user pool stands in,
        // and the stack points the console at its own sign-in page (LocalStack)
        for (String console : List.of("MICROLOAN_CONSOLE_AUTHORIZE_URL", "MICROLOAN_CONSOLE_TOKEN_URL",
                "MICROLOAN_CONSOLE_CLIENT_ID", "MICROLOAN_CONSOLE_ISSUER", "MICROLOAN_CONSOLE_PUBLIC_KEY_LOCATION",
                "MICROLOAN_CONSOLE_GROUPS_CLAIM")) {
            local.put(console, Map.of());
        }
        return local;
    }
}
