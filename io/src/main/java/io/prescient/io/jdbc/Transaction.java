package io.prescient.io.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction on a connection: committed if it returns, rolled back if it throws. */
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
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
