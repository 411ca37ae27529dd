package org.microloan.configuration;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives {@code DATABASE_USER} and {@code DATABASE_PASSWORD} from the secret named by {@code DATABASE_SECRET_ARN}
 * when that is set (in AWS), read once at start; nothing otherwise. Below the environment, so a value set
 * there still wins.
 */
public final class DatabaseSecretConfigSource implements ConfigSource {

    private volatile Map<String, String> values;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> read = values;
        if (read == null) {
            String arn = System.getenv("DATABASE_SECRET_ARN");
            if (arn == null || arn.isBlank()) {
                read = Map.of();
            } else {
                DatabaseSecret secret = DatabaseSecret.read(arn);
                read = Map.of("DATABASE_USER", secret.username(), "DATABASE_PASSWORD", secret.password());
            }
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
        return name.startsWith("DATABASE_") ? getProperties().get(name) : null;
    }

    @Override
    public String getName() {
        return "database-secret";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
