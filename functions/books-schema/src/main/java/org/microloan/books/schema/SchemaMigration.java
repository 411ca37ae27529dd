package org.microloan.books.schema;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.flywaydb.core.api.output.MigrateResult;
import org.microloan.configuration.DatabaseSecret;

/**
 * The deployment step in AWS: a function the CDK app runs once per deployment, after the database and before
 * the functions that validate the schema. The database is named by {@code DATABASE_JDBC_URL}, its
 * credentials by {@code DATABASE_SECRET_ARN}; a failure fails the deployment, which rolls back.
 */
public final class SchemaMigration implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String url = System.getenv("DATABASE_JDBC_URL");
        String secretArn = System.getenv("DATABASE_SECRET_ARN");
        if (url == null || secretArn == null) {
            throw new IllegalStateException("set DATABASE_JDBC_URL and DATABASE_SECRET_ARN: the migration needs both");
        }
        DatabaseSecret secret = DatabaseSecret.read(secretArn);
        MigrateResult result = BooksSchema.migrate(url, secret.username(), secret.password());
        return Map.of("schemaVersion", String.valueOf(result.targetSchemaVersion),
                "migrationsExecuted", result.migrationsExecuted);
    }
}
