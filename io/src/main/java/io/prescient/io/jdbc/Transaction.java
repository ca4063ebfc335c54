package io.prescient.io.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on a connection: committed if it returns, rolled back if it throws
 * anything, an {@link Error} such as OutOfMemoryError included (turning auto-commit back on would
 * otherwise commit the half-done work).
 */
final class Transaction {

    /** Work that may fail with an SQL error. */
    interface Work<T> {
        T run() throws SQLException;
    }

    private Transaction() {
    }

    static <T> T run(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException | RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
