package org.microloan.books.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The books' schema is Flyway's versioned migrations ({@code db/books/V*.sql} beside this class's jar), run
 * once per deployment before any function that needs them: by the local stack at start, by the CDK
 * deployment step in AWS. The functions only validate it.
 *
 * <p>A database the functions built before there were migrations (Hibernate's {@code update}, the same
 * tables as V1) has no history: it is taken as V1 and moved on from there, its rows kept.
 */
public final class BooksSchema {

    /** The migrations' location on the classpath. */
    public static final String LOCATION = "classpath:db/books";

    private BooksSchema() {
    }

    /** @param jdbcUrl e.g. {@code jdbc:postgresql://host:5432/microloan} */
    public static MigrateResult migrate(String jdbcUrl, String user, String password) {
        return Flyway.configure().dataSource(jdbcUrl, user, password).locations(LOCATION)
                .baselineOnMigrate(true).baselineVersion("1").baselineDescription("the books as Hibernate made them")
                .load().migrate();
    }

    /** From the command line or a deployment step: {@code java -jar ... jdbcUrl user password}. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: BooksSchema <jdbc:postgresql://host:port/db> <user> <password>");
            System.exit(2);
        }
        MigrateResult result = migrate(args[0], args[1], args[2]);
        System.out.println("books schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migration(s) run)");
    }
}
