package io.prescient.io.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables. Points hold only present values; a series' grid (start, step, length) is in
 * {@code series}, so missing steps are the grid steps without a point. Times are Unix epoch seconds.
 * The schema carries a version so that later releases can migrate a store instead of guessing.
 */
final class Schema {

    static final int VERSION = 4;

    private static List<String> ddl(Dialect d) {
        return java.util.stream.Stream.concat(DDL.stream().map(s -> s.replace("DOUBLE", d.doubleType()).replace("BLOB", d.bytesType())),
                d.extraDdl().stream()).toList();
    }

    private static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)",
            "CREATE SEQUENCE IF NOT EXISTS series_ids START 1",
            """
            CREATE TABLE IF NOT EXISTS series (
              id INTEGER PRIMARY KEY,
              dataset VARCHAR NOT NULL, item VARCHAR NOT NULL, metric VARCHAR NOT NULL,
              unit VARCHAR NOT NULL, unit_quantity VARCHAR NOT NULL, unit_non_negative BOOLEAN NOT NULL,
              start_ts BIGINT NOT NULL, step_seconds BIGINT NOT NULL, length INTEGER NOT NULL,
              present INTEGER NOT NULL, content_hash BIGINT NOT NULL,
              source VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL,
              UNIQUE (dataset, item, metric))""",
            "CREATE TABLE IF NOT EXISTS series_labels (series_id INTEGER NOT NULL, name VARCHAR NOT NULL, value VARCHAR NOT NULL)",
            "CREATE TABLE IF NOT EXISTS points (series_id INTEGER NOT NULL, ts BIGINT NOT NULL, value DOUBLE NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS model_versions (
              id VARCHAR PRIMARY KEY, model VARCHAR NOT NULL, series_scope VARCHAR NOT NULL,
              created_at TIMESTAMP NOT NULL, trained_from BIGINT, trained_to BIGINT,
              parameters VARCHAR, validation VARCHAR, provenance VARCHAR,
              status VARCHAR NOT NULL, artifact BLOB)""",
            """
            CREATE TABLE IF NOT EXISTS forecasts (
              run_id VARCHAR NOT NULL, series_id INTEGER NOT NULL, model_version VARCHAR,
              issued_at TIMESTAMP NOT NULL, origin_ts BIGINT NOT NULL, step INTEGER NOT NULL,
              ts BIGINT NOT NULL, quantile DOUBLE NOT NULL, value DOUBLE NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS plans (
              plan_id VARCHAR NOT NULL, workload VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL,
              ts BIGINT NOT NULL, demand_quantile DOUBLE, demand DOUBLE, capacity DOUBLE NOT NULL,
              unit VARCHAR, reason VARCHAR)""",
            """
            CREATE TABLE IF NOT EXISTS actions (
              action_id VARCHAR NOT NULL, workload VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL,
              kind VARCHAR NOT NULL, from_capacity DOUBLE, to_capacity DOUBLE, dry_run BOOLEAN NOT NULL,
              status VARCHAR NOT NULL, detail VARCHAR)""",
            """
            CREATE TABLE IF NOT EXISTS model_decisions (
              id VARCHAR PRIMARY KEY, scope VARCHAR NOT NULL, decided_at TIMESTAMP NOT NULL, kind VARCHAR NOT NULL,
              previous VARCHAR, champion VARCHAR NOT NULL, challenger VARCHAR, evidence VARCHAR, reason VARCHAR)""",
            """
            CREATE TABLE IF NOT EXISTS loop_steps (
              run_id VARCHAR NOT NULL, workload VARCHAR NOT NULL, origin_ts BIGINT NOT NULL, step_seconds BIGINT NOT NULL,
              percentile DOUBLE NOT NULL, median VARCHAR NOT NULL, upper VARCHAR NOT NULL, capacity VARCHAR NOT NULL,
              from_units DOUBLE NOT NULL, units DOUBLE NOT NULL, held BOOLEAN NOT NULL, actuator VARCHAR NOT NULL,
              reason VARCHAR NOT NULL, recorded_at TIMESTAMP NOT NULL, model VARCHAR)""",
            "ALTER TABLE loop_steps ADD COLUMN IF NOT EXISTS model VARCHAR");

    private Schema() {
    }

    /** Whether the store's tables exist at this release's version (no DDL needed). */
    private static boolean current(Connection connection) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "schema_version", null)) {
            if (!rs.next()) {
                return false;
            }
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() && rs.getInt(1) == VERSION;
        }
    }

    /**
     * Creates missing tables and records the version, in one transaction under the dialect's schema
     * lock (so concurrent openers do not race); refuses a store written by a newer release.
     */
    static void apply(Connection connection, String location, Dialect dialect) throws SQLException {
        if (current(connection)) {
            return;
        }
        Transaction.run(connection, () -> {
            applyInTransaction(connection, location, dialect);
            return null;
        });
    }

    private static void applyInTransaction(Connection connection, String location, Dialect dialect) throws SQLException {
        dialect.lockSchema(connection);
        if (current(connection)) {
            // another process made it while we waited for the lock: running DDL now would only take table locks
            return;
        }
        try (Statement st = connection.createStatement()) {
            for (String ddl : ddl(dialect)) {
                st.execute(ddl);
            }
            try (ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
                rs.next();
                int found = rs.getInt(1);
                if (rs.wasNull() || found < VERSION) {
                    // versions 2 and 3 only added tables and 4 a column (loop_steps.model), which the DDL above has just made
                    st.execute("INSERT INTO schema_version VALUES (" + VERSION + ", now())");
                } else if (found > VERSION) {
                    throw new SQLException("store " + location + " has schema version " + found
                            + ", newer than this release's " + VERSION);
                }
            }
        }
    }
}
