package org.microloan.configuration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In AWS, the configuration a function keeps out of its environment, read once at start from Secrets
 * Manager: {@code DATABASE_USER} and {@code DATABASE_PASSWORD} from the books' secret
 * ({@code DATABASE_SECRET_ARN}), and every field of the platform's secret ({@code PLATFORM_SECRET_ARN}:
 * {@code MICROLOAN_PERSON_KEY_SECRET}, {@code MICROLOAN_RAIL_CALLBACK_SECRET},
 * {@code microloan.partners.<id>.secret} and {@code .url}). Nothing when neither is set (locally, in tests).
 * Below the environment, so a value set there still wins.
 */
public final class AwsSecretsConfigSource implements ConfigSource {

    private volatile Map<String, String> values;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> read = values;
        if (read == null) {
            String database = System.getenv("DATABASE_SECRET_ARN");
            String platform = System.getenv("PLATFORM_SECRET_ARN");
            boolean books = database != null && !database.isBlank();
            boolean own = platform != null && !platform.isBlank();
            List<String> arns = new ArrayList<>();
            if (books) {
                arns.add(database);
            }
            if (own) {
                arns.add(platform);
            }
            List<String> secrets = arns.isEmpty() ? List.of() : AwsSecrets.secretStrings(arns);
            Map<String, String> all = new HashMap<>();
            if (books) {
                DatabaseSecret secret = DatabaseSecret.parse(secrets.get(0));
                all.put("DATABASE_USER", secret.username());
                all.put("DATABASE_PASSWORD", secret.password());
            }
            if (own) {
                all.putAll(AwsSecrets.fieldsOf(secrets.get(secrets.size() - 1)));
            }
            read = Map.copyOf(all);
            values = read;
        }
        return read;
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String name) {
        return getProperties().get(name);
    }

    @Override
    public String getName() {
        return "aws-secrets";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
