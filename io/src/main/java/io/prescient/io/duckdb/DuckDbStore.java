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
            Object opened = fileKey(absolute);
            java.util.concurrent.atomic.AtomicReference<String> saved = new java.util.concurrent.atomic.AtomicReference<>();
            return JdbcStore.on(c.unwrap(DuckDBConnection.class), absolute.toString(), readOnly, dialect,
                    () -> present(absolute, opened, c, saved));
        } catch (SQLException e) {
            throw new StoreException(dialect.describeOpenFailure(absolute.toString(), e), e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder for store " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** The file's identity (its inode on Linux), or null where the file system has none. */
    private static Object fileKey(Path file) throws java.io.IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    /**
     * Throws when the store's file was deleted or replaced since it was opened: DuckDB would go on
     * writing to the open, unlinked file, and everything written would be lost when it closes. The
     * first time, what the open store holds is copied to a sibling file ({@code <file>.recovered-<time>}),
     * which the message names; the original path is never recreated.
     */
    private static void present(Path file, Object opened, Connection connection, java.util.concurrent.atomic.AtomicReference<String> saved) {
        Object now;
        try {
            now = fileKey(file);
        } catch (java.io.IOException e) {
            throw new StoreException("store file " + file + " was deleted while the store was open: refusing to write to it; "
                    + saved(file, connection, saved), e);
        }
        if (opened != null && !opened.equals(now)) {
            throw new StoreException("store file " + file + " was replaced by another file while the store was open: refusing to "
                    + "write to either; " + saved(file, connection, saved));
        }
    }

    /** Copies the open store to a sibling file once, and says where (or why it could not). */
    private static String saved(Path file, Connection connection, java.util.concurrent.atomic.AtomicReference<String> saved) {
        return saved.updateAndGet(done -> done != null ? done : copy(file, connection));
    }

    private static String copy(Path file, Connection connection) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.now());
        Path target = file.resolveSibling(file.getFileName() + ".recovered-" + stamp);
        try (java.sql.Statement st = connection.createStatement()) {
            String name;
            try (java.sql.ResultSet rs = st.executeQuery("SELECT current_database()")) {
                rs.next();
                name = rs.getString(1);
            }
            st.execute("ATTACH '" + target.toString().replace("'", "''") + "' AS prescient_recovered");
            try {
                st.execute("COPY FROM DATABASE \"" + name.replace("\"", "\"\"") + "\" TO prescient_recovered");
            } finally {
                st.execute("DETACH prescient_recovered");
            }
            return "everything it held is saved in " + target + " (restart with --store " + target + " to go on from it)";
        } catch (SQLException e) {
            return "what it held could not be saved (" + e.getMessage() + "): it is readable until this process ends";
        }
    }
}
