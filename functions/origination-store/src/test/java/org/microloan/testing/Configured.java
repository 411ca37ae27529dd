package org.microloan.testing;

import io.smallrye.config.SmallRyeConfigBuilder;
import org.microloan.configuration.Settings;

/** The platform's settings outside a Quarkus app, for a test that builds its parts by hand: the defaults and a table. */
public final class Configured {

    private Configured() {
    }

    public static Settings settings(String table) {
        return new SmallRyeConfigBuilder().withMapping(Settings.class).withDefaultValue("microloan.table", table)
                .withDefaultValue("microloan.person-key.secret", "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=").build()
                .getConfigMapping(Settings.class);
    }
}
