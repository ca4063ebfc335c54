package io.prescient.io.duckdb;

import io.prescient.core.store.StoreException;
import io.prescient.io.jdbc.JdbcStore;
import org.duckdb.DuckDBConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The embedded store: one DuckDB file. Only one process may open a store for writing at a time
 * (DuckDB's file lock); any number may open it read-only while no process writes.
 */
public final class DuckDbStore {

    private DuckDbStore() {
    }

    /**
     * Opens (and, for writing, creates) the store in {@code file}.
     *
     * @throws StoreException if the file cannot be opened, is locked by another process, or (read-only) does not exist
     */
    public static JdbcStore open(Path file, boolean readOnly) {
        Path absolute = file.toAbsolutePath().normalize();
        DuckDbDialect dialect = new DuckDbDialect();
        try {
            if (readOnly && !Files.exists(absolute)) {
                throw new StoreException("no store at " + absolute + "; ingest data first (prescient ingest ...)");
            }
            if (!readOnly && absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Properties props = new Properties();
            if (readOnly) {
                props.setProperty("duckdb.read_only", "true");
            }
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + absolute, props);
            return JdbcStore.on(c.unwrap(DuckDBConnection.class), absolute.toString(), readOnly, dialect);
        } catch (SQLException e) {
            throw new StoreException(dialect.describeOpenFailure(absolute.toString(), e), e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder for store " + absolute + ": " + e.getMessage(), e);
        }
    }
}
