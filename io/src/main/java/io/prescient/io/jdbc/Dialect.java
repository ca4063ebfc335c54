package io.prescient.io.jdbc;

import io.prescient.core.RegularSeries;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What differs between the databases a {@link JdbcStore} runs on: type names, bulk loading, locking, error wording. */
public interface Dialect {

    /** The database's name in messages. */
    String name();

    /** The SQL type for 8-byte floating point numbers. */
    String doubleType();

    /** The SQL type for byte arrays. */
    String bytesType();

    /** Statements run after the tables exist (indexes). */
    List<String> extraDdl();

    /** Serialises schema creation among processes sharing the database (inside the schema transaction). */
    void lockSchema(Connection connection) throws SQLException;

    /** Makes sure the transaction has begun before a bulk load (some drivers begin lazily). */
    void beginTransaction(Connection connection) throws SQLException;

    /** Inserts the series' present values into {@code points} as (series_id, ts, value); returns how many. */
    long appendPoints(Connection connection, int seriesId, RegularSeries series) throws SQLException;

    /** A one-line description of a failure to open the store. */
    String describeOpenFailure(String location, SQLException e);
}
