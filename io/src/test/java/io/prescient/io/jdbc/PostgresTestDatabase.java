package io.prescient.io.jdbc;

import io.prescient.io.postgres.PostgresStore;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The PostgreSQL server the store tests run against: {@code $PRESCIENT_TEST_POSTGRES}, a JDBC URL with
 * user and password ({@code .ci/run} starts Debian's PostgreSQL and sets it). Each test gets schemas of
 * its own, dropped afterwards.
 */
final class PostgresTestDatabase {

    static final String VARIABLE = "PRESCIENT_TEST_POSTGRES";

    private final String url;
    private final String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Set<String> schemas = new LinkedHashSet<>();

    private PostgresTestDatabase(String url) {
        this.url = url;
    }

    /** The database; the test is skipped (not failed) when the variable is unset, and fails when the server is unreachable. */
    static PostgresTestDatabase required() {
        String url = System.getenv(VARIABLE);
        Assumptions.assumeTrue(url != null && !url.isBlank(), "set " + VARIABLE + " to a PostgreSQL JDBC URL (.ci/run does)");
        return new PostgresTestDatabase(url);
    }

    JdbcStore open(String name, boolean readOnly) {
        String schema = prefix + "_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        schemas.add(schema);
        return PostgresStore.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, readOnly);
    }

    void dropSchemas() {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String s : schemas) {
                st.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test schemas " + schemas + ": " + e.getMessage(), e);
        }
    }
}
