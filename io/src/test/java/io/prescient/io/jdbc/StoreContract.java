package io.prescient.io.jdbc;

import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.store.StoreException;
import io.prescient.core.store.StoredSeries;
import io.prescient.core.store.WriteOutcome;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class StoreContract {

    /** Opens (creating when writing) the store called {@code name}, the same one each time for the same name. */
    protected abstract JdbcStore open(String name, boolean readOnly);

    private static final double NAN = Double.NaN;


    private static RegularSeries series(String item, Map<String, String> labels, double... values) {
        return new RegularSeries(new SeriesInfo(new SeriesKey("d", item, "cpu"), Unit.PERCENT, labels),
                new TimeGrid(600, 300, values.length), values);
    }

    @Test
    void roundTripKeepsGridGapsUnitAndLabels() {
        try (JdbcStore store = open("s", false)) {
            RegularSeries s = series("vm1", Map.of("team", "search"), 1, NAN, 3);
            assertEquals(new WriteOutcome(1, 0, 0, 2), store.write(List.of(s), "test"));
            assertEquals(s, store.load(s.key()));
            StoredSeries stored = store.find(s.key()).orElseThrow();
            assertEquals(2, stored.present());
            assertEquals("search", stored.info().labels().get("team"));
            assertEquals(List.of("d"), store.datasets());
        }
    }

    @Test
    void writingTheSameDataTwiceChangesNothing() {
        String file = "s";
        RegularSeries a = series("vm1", Map.of(), 1, 2);
        RegularSeries b = series("vm2", Map.of(), 3, 4);
        try (JdbcStore store = open(file, false)) {
            store.write(List.of(a, b), "first");
        }
        try (JdbcStore store = open(file, false)) {
            assertEquals(new WriteOutcome(0, 0, 2, 0), store.write(List.of(a, b), "again"));
            assertEquals("first", store.find(a.key()).orElseThrow().source());
            assertEquals(4, pointCount(store));
        }
    }

    @Test
    void changedValuesReplaceTheOldOnes() {
        try (JdbcStore store = open("s", false)) {
            store.write(List.of(series("vm1", Map.of("v", "1"), 1, 2, 3)), "first");
            RegularSeries changed = series("vm1", Map.of("v", "2"), 9, NAN);
            assertEquals(new WriteOutcome(0, 1, 0, 1), store.write(List.of(changed), "second", true));
            assertEquals(changed, store.load(changed.key()));
            assertEquals(1, pointCount(store));
            assertEquals(Map.of("v", "2"), store.find(changed.key()).orElseThrow().info().labels());
        }
    }

    @Test
    void aSeriesThatWouldShrinkIsRefusedUnlessReplacingAndNothingChanges() {
        try (JdbcStore store = open("s", false)) {
            RegularSeries full = series("vm1", Map.of(), 1, 2, 3, 4);
            RegularSeries other = series("vm2", Map.of(), 5);
            store.write(List.of(full), "full.csv");
            io.prescient.core.validation.InvalidInputException e = assertThrows(io.prescient.core.validation.InvalidInputException.class,
                    () -> store.write(List.of(other, series("vm1", Map.of(), 1, 2)), "truncated.csv"));
            assertTrue(e.getMessage().contains("truncated.csv") && e.getMessage().contains("series d/vm1/cpu")
                    && e.getMessage().contains("--replace"), e.getMessage());
            assertEquals(full, store.load(full.key()), "the stored series is kept");
            assertTrue(store.find(other.key()).isEmpty(), "and nothing else of the refused write is stored");
            RegularSeries grown = series("vm1", Map.of(), 1, 2, 3, 4, 5);
            assertEquals(1, store.write(List.of(grown), "grown.csv").replaced(), "a series that grows replaces the stored one");
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        try (JdbcStore store = open("s", false)) {
            RegularSeries kept = series("vm0", Map.of(), 5, 6);
            store.write(List.of(kept), "first");
            try (Statement st = store.connectionForTests().createStatement()) {
                st.execute("DROP TABLE series_labels");
                st.execute("CREATE TABLE series_labels (series_id INTEGER NOT NULL, name VARCHAR NOT NULL "
                        + "CHECK (name <> 'poison'), value VARCHAR NOT NULL)");
            }
            RegularSeries first = series("vm1", Map.of("ok", "yes"), 1, 2, 3);
            RegularSeries replacing = series("vm0", Map.of(), 7, 8);
            RegularSeries poisoned = series("vm2", Map.of("poison", "x"), 4);
            assertThrows(StoreException.class, () -> store.write(List.of(first, replacing, poisoned), "bad"));
            assertEquals(List.of(kept.key()), store.list().stream().map(StoredSeries::key).toList());
            assertEquals(kept, store.load(kept.key()));
            assertEquals(2, pointCount(store));
        }
    }

    @Test
    void refusesTheSameKeyTwiceInOneWrite() {
        try (JdbcStore store = open("s", false)) {
            RegularSeries a = series("vm1", Map.of(), 1);
            assertThrows(IllegalArgumentException.class, () -> store.write(List.of(a, a), "x"));
            assertTrue(store.list().isEmpty());
        }
    }

    @Test
    void readOnlyNeedsAnExistingStoreAndRefusesWrites() {
        String file = "s";
        StoreException missing = assertThrows(StoreException.class, () -> open(file, true));
        assertTrue(missing.getMessage().contains("ingest data first"), missing.getMessage());
        open(file, false).close();
        try (JdbcStore store = open(file, true)) {
            assertThrows(StoreException.class, () -> store.write(List.of(series("a", Map.of(), 1)), "x"));
            assertThrows(StoreException.class, () -> store.load(SeriesKey.parse("d/none/cpu")));
        }
    }

    @Test
    void loadsAStoreWrittenBeforeAndOpensAgain() {
        String file = "nested/folder/s";
        RegularSeries s = series("vm1", Map.of(), 1, 2);
        try (JdbcStore store = open(file, false)) {
            store.write(List.of(s), "x");
        }
        try (JdbcStore store = open(file, false)) {
            assertArrayEquals(s.values(), store.load(s.key()).values());
        }
    }

    private long pointCount(JdbcStore store) {
        try (Statement st = store.connectionForTests().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM points")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
