package io.prescient.io.postgres;

import io.prescient.core.store.StoreException;
import io.prescient.io.jdbc.JdbcStore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the store in a PostgreSQL database. The URL is a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db?user=...&password=...}); {@code currentSchema} in it selects
 * the schema (created when writing and missing). Several processes may write at once: each write
 * is one transaction, and schema creation is serialised with an advisory lock.
 */
public final class PostgresStore {

    private PostgresStore() {
    }

    /**
     * Whether a store argument names a PostgreSQL database rather than a file: a JDBC URL, or a
     * {@code postgresql://} or {@code postgres://} URL (also as a file path folds it, with one slash).
     */
    public static boolean names(String store) {
        return store.startsWith("jdbc:postgresql:") || store.startsWith("postgresql:/") || store.startsWith("postgres:/");
    }

    /** Whether a store argument is a URL of some scheme (not a file path): {@code scheme:/...}. */
    public static boolean isUrl(String store) {
        return store.matches("^[A-Za-z][A-Za-z0-9+.-]*:/.*");
    }

    /** The argument with every password replaced by {@code ***}: what messages may show. */
    public static String redacted(String store) {
        return store.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(://?[^/@:?#]*):[^/@?#]*@", "$1:***@");
    }

    /** The JDBC URL of a store argument: user and password given in the URL's authority become parameters. */
    static String jdbcUrl(String url) {
        String rest = url.startsWith("jdbc:postgresql:") ? url.substring("jdbc:postgresql:".length()) : url.substring(url.indexOf(':') + 1);
        rest = rest.replaceFirst("^/+", "");
        java.util.regex.Matcher userInfo = java.util.regex.Pattern.compile("^([^/@?#]*)@(.*)$").matcher(rest);
        String params = "";
        if (userInfo.matches() && !userInfo.group(1).isEmpty()) {
            String[] up = userInfo.group(1).split(":", 2);
            params = "user=" + up[0] + (up.length > 1 ? "&password=" + up[1] : "");
            rest = userInfo.group(2);
        }
        String jdbc = "jdbc:postgresql://" + rest;
        return params.isEmpty() ? jdbc : jdbc + (jdbc.contains("?") ? "&" : "?") + params;
    }

    /** @throws StoreException if the database cannot be reached, or (read-only) holds no store */
    public static JdbcStore open(String url, boolean readOnly) {
        String jdbc = jdbcUrl(url);
        String shown = redacted(jdbc);
        PostgresDialect dialect = new PostgresDialect();
        try {
            Connection c = DriverManager.getConnection(jdbc);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]currentSchema=([^&]+)").matcher(jdbc);
            String schema = m.find() ? java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8) : null;
            if (!readOnly && schema != null) {
                // concurrent CREATE SCHEMA IF NOT EXISTS can still collide: serialise it like the tables
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    dialect.lockSchema(c);
                    st.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema.replace("\"", "\"\"") + "\"");
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
            if (readOnly) {
                c.setReadOnly(true);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT to_regclass('schema_version')")) {
                    rs.next();
                    if (rs.getString(1) == null) {
                        c.close();
                        throw new StoreException("no store in " + shown + "; ingest data first (prescient ingest ...)");
                    }
                }
            }
            return JdbcStore.on(c, shown, readOnly, dialect);
        } catch (SQLException e) {
            throw new StoreException(dialect.describeOpenFailure(shown, e), e);
        }
    }
}
