package io.prescient.io.postgres;

import io.prescient.core.RegularSeries;
import io.prescient.core.TimeGrid;
import io.prescient.io.jdbc.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** PostgreSQL's side of the store: its type names, indexes, an advisory lock for schema changes, batched inserts. */
final class PostgresDialect implements Dialect {

    /** Advisory lock key for schema creation ("prescient" in ASCII, folded into a long). */
    private static final long SCHEMA_LOCK = 0x7072657363696eL;
    private static final int BATCH = 5000;

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String doubleType() {
        return "DOUBLE PRECISION";
    }

    @Override
    public String bytesType() {
        return "BYTEA";
    }

    @Override
    public List<String> extraDdl() {
        return List.of("CREATE INDEX IF NOT EXISTS points_series ON points (series_id)",
                "CREATE INDEX IF NOT EXISTS labels_series ON series_labels (series_id)",
                "CREATE INDEX IF NOT EXISTS loop_steps_workload ON loop_steps (workload)");
    }

    @Override
    public void lockSchema(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
        }
    }

    @Override
    public void beginTransaction(Connection connection) {
        // PostgreSQL's driver begins the transaction at the first statement after setAutoCommit(false)
    }

    @Override
    public long appendPoints(Connection connection, int seriesId, RegularSeries s) throws SQLException {
        long appended = 0;
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO points (series_id, ts, value) VALUES (?, ?, ?)")) {
            TimeGrid grid = s.grid();
            int pending = 0;
            for (int i = 0; i < s.length(); i++) {
                double v = s.value(i);
                if (!Double.isNaN(v)) {
                    ps.setInt(1, seriesId);
                    ps.setLong(2, grid.timeAt(i));
                    ps.setDouble(3, v);
                    ps.addBatch();
                    appended++;
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return appended;
    }

    @Override
    public String describeOpenFailure(String location, SQLException e) {
        String state = e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
        return "cannot open the PostgreSQL store " + location + state + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
}
