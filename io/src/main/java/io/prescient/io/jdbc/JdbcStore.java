package io.prescient.io.jdbc;

import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.SeriesStore;
import io.prescient.core.store.StoreException;
import io.prescient.core.store.StoredSeries;
import io.prescient.core.store.WriteOutcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store on a JDBC database (embedded DuckDB, or PostgreSQL for several server instances), with
 * what differs between them in its {@link Dialect}. Each {@link #write} is one transaction, so a
 * failure leaves the store as it was. Calls are serialised on this object (one connection).
 */
public final class JdbcStore implements SeriesStore {

    private static final String SERIES_COLUMNS = "s.id, s.dataset, s.item, s.metric, s.unit, s.unit_quantity, "
            + "s.unit_non_negative, s.start_ts, s.step_seconds, s.length, s.present, s.source, s.ingested_at";

    private final String file;
    private final Connection connection;
    private final boolean readOnly;
    private final Dialect dialect;
    private final Runnable presence;

    private JdbcStore(String location, Connection connection, boolean readOnly, Dialect dialect, Runnable presence) {
        this.file = location;
        this.connection = connection;
        this.readOnly = readOnly;
        this.dialect = dialect;
        this.presence = presence;
    }

    public static JdbcStore on(Connection connection, String location, boolean readOnly, Dialect dialect) {
        return on(connection, location, readOnly, dialect, () -> { });
    }

    /**
     * Before every write: throws a {@link StoreException} when the store is no longer where it was
     * opened (its file deleted or replaced), so that nothing is written where it would be lost.
     */
    public void requirePresent() {
        presence.run();
    }

    /**
     * The store on an open connection; for writing, creates missing tables first.
     *
     * @param location where the store is, for messages (a file, or a database URL without its password)
     * @param presence  run before every write; throws a {@link StoreException} when the store has vanished
     * @throws StoreException if the schema cannot be applied
     */
    public static JdbcStore on(Connection connection, String location, boolean readOnly, Dialect dialect, Runnable presence) {
        try {
            if (!readOnly) {
                Schema.apply(connection, location, dialect);
            }
            return new JdbcStore(location, connection, readOnly, dialect, presence);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the first failure is the one to report
            }
            throw new StoreException(dialect.describeOpenFailure(location, e), e);
        }
    }

    @Override
    public ModelRegistry models() {
        return new JdbcModelRegistry(connection, this, file, readOnly);
    }

    @Override
    public io.prescient.core.store.PlanningJournal journal() {
        return new JdbcPlanningJournal(connection, this, file, readOnly);
    }

    @Override
    public String location() {
        return file;
    }

    @Override
    public synchronized WriteOutcome write(List<RegularSeries> series, String source, boolean replace) {
        if (readOnly) {
            throw new StoreException("store " + file + " was opened read-only");
        }
        requirePresent();
        try {
            return Transaction.run(connection, () -> writeInTransaction(series, source, replace));
        } catch (SQLException e) {
            throw new StoreException("writing " + series.size() + " series from " + source + " to store " + file
                    + " failed, nothing was written: " + e.getMessage(), e);
        }
    }

    private WriteOutcome writeInTransaction(List<RegularSeries> series, String source, boolean replace) throws SQLException {
        requireDistinctKeys(series);
        if (!replace) {
            requireNoShrink(series, source);
        }
        beginTransaction();
        Instant now = Instant.now();
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        long points = 0;
        for (RegularSeries s : series) {
            long hash = ContentHash.of(s);
            Optional<long[]> existing = idAndHash(s.key());
            int id;
            if (existing.isPresent() && existing.get()[1] == hash) {
                unchanged++;
                continue;
            } else if (existing.isPresent()) {
                id = (int) existing.get()[0];
                deleteValues(id);
                updateSeries(id, s, hash, source, now);
                replaced++;
            } else {
                id = nextId();
                insertSeries(id, s, hash, source, now);
                added++;
            }
            insertLabels(id, s.info());
            points += appendPoints(id, s);
        }
        return new WriteOutcome(added, replaced, unchanged, points);
    }

    /** Refuses, before anything is written, a series that would cover less time than the one stored under its key. */
    private void requireNoShrink(List<RegularSeries> series, String source) throws SQLException {
        for (RegularSeries s : series) {
            Optional<StoredSeries> stored = find(s.key());
            if (stored.isEmpty()) {
                continue;
            }
            StoredSeries old = stored.get();
            long oldEnd = old.grid().start() + (old.grid().length() - 1) * old.grid().stepSeconds();
            long newEnd = s.grid().start() + (s.length() - 1) * s.grid().stepSeconds();
            if (s.grid().start() > old.grid().start() || newEnd < oldEnd) {
                throw new io.prescient.core.validation.InvalidInputException(new io.prescient.core.validation.InputProblem(source, 0,
                        "series " + s.key(), s.length() + " steps from " + Instant.ofEpochSecond(s.grid().start()) + " to "
                        + Instant.ofEpochSecond(newEnd), "at least the " + old.grid().length() + " steps stored, from "
                        + Instant.ofEpochSecond(old.grid().start()) + " to " + Instant.ofEpochSecond(oldEnd)
                        + " (a truncated file?); pass --replace to replace the stored series with less"));
            }
        }
    }

    private static void requireDistinctKeys(List<RegularSeries> series) {
        java.util.Set<SeriesKey> keys = new java.util.HashSet<>();
        for (RegularSeries s : series) {
            if (!keys.add(s.key())) {
                throw new IllegalArgumentException("series " + s.key() + " is given twice in one write");
            }
        }
    }

    private void beginTransaction() throws SQLException {
        dialect.beginTransaction(connection);
    }

    private Optional<long[]> idAndHash(SeriesKey key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, content_hash FROM series WHERE dataset = ? AND item = ? AND metric = ?")) {
            ps.setString(1, key.dataset());
            ps.setString(2, key.item());
            ps.setString(3, key.metric());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new long[] {rs.getLong(1), rs.getLong(2)}) : Optional.empty();
            }
        }
    }

    private int nextId() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT nextval('series_ids')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void deleteValues(int id) throws SQLException {
        for (String table : List.of("points", "series_labels")) {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE series_id = ?")) {
                ps.setInt(1, id);
                ps.executeUpdate();
            }
        }
    }

    private void insertSeries(int id, RegularSeries s, long hash, String source, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO series (unit, unit_quantity, "
                + "unit_non_negative, start_ts, step_seconds, length, present, content_hash, source, ingested_at, "
                + "dataset, item, metric, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindSeries(ps, s, hash, source, now);
            ps.setString(11, s.key().dataset());
            ps.setString(12, s.key().item());
            ps.setString(13, s.key().metric());
            ps.setInt(14, id);
            ps.executeUpdate();
        }
    }

    private void updateSeries(int id, RegularSeries s, long hash, String source, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE series SET unit = ?, unit_quantity = ?, "
                + "unit_non_negative = ?, start_ts = ?, step_seconds = ?, length = ?, present = ?, content_hash = ?, "
                + "source = ?, ingested_at = ? WHERE id = ?")) {
            bindSeries(ps, s, hash, source, now);
            ps.setInt(11, id);
            ps.executeUpdate();
        }
    }

    private static void bindSeries(PreparedStatement ps, RegularSeries s, long hash, String source, Instant now)
            throws SQLException {
        Unit unit = s.info().unit();
        ps.setString(1, unit.symbol());
        ps.setString(2, unit.quantity());
        ps.setBoolean(3, unit.nonNegative());
        ps.setLong(4, s.grid().start());
        ps.setLong(5, s.grid().stepSeconds());
        ps.setInt(6, s.length());
        ps.setInt(7, s.gaps().present());
        ps.setLong(8, hash);
        ps.setString(9, source);
        ps.setTimestamp(10, Timestamp.from(now));
    }

    private void insertLabels(int id, SeriesInfo info) throws SQLException {
        if (info.labels().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO series_labels VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> label : info.labels().entrySet()) {
                ps.setInt(1, id);
                ps.setString(2, label.getKey());
                ps.setString(3, label.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private long appendPoints(int id, RegularSeries s) throws SQLException {
        return dialect.appendPoints(connection, id, s);
    }

    /** The JDBC connection, for tests that need to inject a failure. */
    public Connection connectionForTests() {
        return connection;
    }

    @Override
    public synchronized List<StoredSeries> list() {
        return query("SELECT " + SERIES_COLUMNS + " FROM series s ORDER BY s.dataset, s.item, s.metric", null);
    }

    @Override
    public synchronized List<StoredSeries> list(String dataset) {
        return query("SELECT " + SERIES_COLUMNS + " FROM series s WHERE s.dataset = ? ORDER BY s.item, s.metric",
                dataset);
    }

    @Override
    public synchronized Optional<StoredSeries> find(SeriesKey key) {
        return findRow(key).map(Row::stored);
    }

    @Override
    public synchronized RegularSeries load(SeriesKey key) {
        Row row = findRow(key).orElseThrow(() -> new StoreException("no series " + key + " in store " + file));
        TimeGrid grid = row.stored.grid();
        double[] values = new double[grid.length()];
        Arrays.fill(values, Double.NaN);
        try (PreparedStatement ps = connection.prepareStatement("SELECT ts, value FROM points WHERE series_id = ?")) {
            ps.setInt(1, row.id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values[(int) grid.indexOf(rs.getLong(1))] = rs.getDouble(2);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading series " + key + " from store " + file + " failed: " + e.getMessage(), e);
        }
        return new RegularSeries(row.stored.info(), grid, values);
    }

    @Override
    public synchronized List<String> datasets() {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT dataset FROM series ORDER BY dataset");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("listing datasets in store " + file + " failed: " + e.getMessage(), e);
        }
        return names;
    }

    private Optional<Row> findRow(SeriesKey key) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + SERIES_COLUMNS
                + " FROM series s WHERE s.dataset = ? AND s.item = ? AND s.metric = ?")) {
            ps.setString(1, key.dataset());
            ps.setString(2, key.item());
            ps.setString(3, key.metric());
            List<Row> rows = rows(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        } catch (SQLException e) {
            throw new StoreException("looking up series " + key + " in store " + file + " failed: " + e.getMessage(), e);
        }
    }

    private List<StoredSeries> query(String sql, String dataset) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (dataset != null) {
                ps.setString(1, dataset);
            }
            return rows(ps).stream().map(Row::stored).toList();
        } catch (SQLException e) {
            throw new StoreException("listing series in store " + file + " failed: " + e.getMessage(), e);
        }
    }

    private List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                SeriesKey key = new SeriesKey(rs.getString(2), rs.getString(3), rs.getString(4));
                Unit unit = new Unit(rs.getString(5), rs.getString(6), rs.getBoolean(7));
                TimeGrid grid = new TimeGrid(rs.getLong(8), rs.getLong(9), rs.getInt(10));
                rows.add(new Row(rs.getInt(1), new StoredSeries(new SeriesInfo(key, unit), grid, rs.getInt(11),
                        rs.getString(12), rs.getTimestamp(13).toInstant())));
            }
        }
        return withLabels(rows);
    }

    private List<Row> withLabels(List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Integer, Map<String, String>> labels = new HashMap<>();
        String sql = rows.size() == 1 ? "SELECT series_id, name, value FROM series_labels WHERE series_id = "
                + rows.get(0).id : "SELECT series_id, name, value FROM series_labels";
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                labels.computeIfAbsent(rs.getInt(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return rows.stream().map(r -> new Row(r.id, new StoredSeries(new SeriesInfo(r.stored.key(),
                r.stored.info().unit(), labels.getOrDefault(r.id, Map.of())), r.stored.grid(), r.stored.present(),
                r.stored.source(), r.stored.ingestedAt()))).toList();
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing store " + file + " failed: " + e.getMessage(), e);
        }
    }

    private record Row(int id, StoredSeries stored) {
    }
}
