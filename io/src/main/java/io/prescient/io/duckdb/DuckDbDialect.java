package io.prescient.io.duckdb;

import io.prescient.core.RegularSeries;
import io.prescient.core.TimeGrid;
import io.prescient.io.jdbc.Dialect;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** DuckDB's side of the store: its type names, its appender for points, its file-lock message. */
final class DuckDbDialect implements Dialect {

    @Override
    public String name() {
        return "DuckDB";
    }

    @Override
    public String doubleType() {
        return "DOUBLE";
    }

    @Override
    public String bytesType() {
        return "BLOB";
    }

    @Override
    public List<String> extraDdl() {
        return List.of();
    }

    @Override
    public void lockSchema(Connection connection) {
        // one writer per file: DuckDB's file lock already serialises
    }

    /**
     * DuckDB's JDBC driver opens a transaction lazily, at the first statement; an appender used
     * before any statement would commit on its own. Running a statement first puts the appends
     * inside the transaction, so that a rollback takes them back too.
     */
    @Override
    public void beginTransaction(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM schema_version");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
    }

    @Override
    public long appendPoints(Connection connection, int seriesId, RegularSeries s) throws SQLException {
        long appended = 0;
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", "points")) {
            TimeGrid grid = s.grid();
            for (int i = 0; i < s.length(); i++) {
                double v = s.value(i);
                if (!Double.isNaN(v)) {
                    appender.beginRow().append(seriesId).append(grid.timeAt(i)).append(v).endRow();
                    appended++;
                }
            }
        }
        return appended;
    }

    @Override
    public String describeOpenFailure(String location, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("lock")) {
            return "store " + location + " is in use by another Prescient process; stop it or use another --store";
        }
        return "cannot open store " + location + ": " + message.lines().findFirst().orElse(message);
    }

}
