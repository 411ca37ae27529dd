package org.microloan.books.schema;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.flywaydb.core.api.output.MigrateResult;
import org.microloan.configuration.DatabaseSecret;

/**
 * The deployment step in AWS: a function the CDK app runs once per deployment, after the database and before
 * the functions that validate the schema. The database is named by {@code DATABASE_JDBC_URL}, its
 * credentials by {@code DATABASE_SECRET_ARN} (off AWS, {@code DATABASE_USER} and {@code DATABASE_PASSWORD});
 * a failure fails the deployment, which rolls back.
 */
public final class SchemaMigration implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String url = System.getenv("DATABASE_JDBC_URL");
        String secretArn = System.getenv("DATABASE_SECRET_ARN");
        String user = System.getenv("DATABASE_USER");
        String password = System.getenv("DATABASE_PASSWORD");
        if (url == null || secretArn == null && (user == null || password == null)) {
            throw new IllegalStateException("set DATABASE_JDBC_URL and DATABASE_SECRET_ARN (or, off AWS, DATABASE_USER "
                    + "and DATABASE_PASSWORD): the migration needs the database and its credentials");
        }
        if (secretArn != null) {
            DatabaseSecret secret = DatabaseSecret.read(secretArn);
            user = secret.username();
            password = secret.password();
        }
        MigrateResult result = BooksSchema.migrate(url, user, password);
        return Map.of("schemaVersion", String.valueOf(result.targetSchemaVersion),
                "migrationsExecuted", result.migrationsExecuted);
    }
}
