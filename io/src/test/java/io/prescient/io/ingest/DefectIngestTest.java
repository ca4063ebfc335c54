package io.prescient.io.ingest;

import io.prescient.core.RegularSeries;
import io.prescient.core.Unit;
import io.prescient.core.store.StoredSeries;
import io.prescient.core.validation.InputProblem;
import io.prescient.io.Fixtures;
import io.prescient.io.duckdb.DuckDbStore;
import io.prescient.io.read.CsvOptions;
import io.prescient.io.read.CsvReader;
import io.prescient.io.read.GwaReader;
import io.prescient.io.read.SeriesReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every documented defect is rejected with its located error, and the store is left exactly as it was. */
class DefectIngestTest {

    @TempDir
    Path dir;

    private io.prescient.io.jdbc.JdbcStore store;
    private CsvReader csv;

    @BeforeEach
    void storeWithGoodData() {
        store = DuckDbStore.open(dir.resolve("store.duckdb"), false);
        CsvOptions d = CsvOptions.defaults();
        csv = new CsvReader(new CsvOptions("shop", d.layout(), d.wideColumns(), null, Unit.PERCENT, Map.of(), 0,
                d.timeUnit(), false));
        Path good = Fixtures.text(dir, "good.csv", "series_id,timestamp,value\nweb,0,1\nweb,60,2\ndb,0,3\ndb,60,4\n");
        IngestReport r = ingest(csv, good);
        assertTrue(r.allStored());
    }

    private IngestReport ingest(SeriesReader reader, Path file) {
        return new Ingestor(store, reader, 1, false).ingest(List.of(file), done -> { });
    }

    private Map<String, List<Double>> snapshot() {
        Map<String, List<Double>> values = new java.util.TreeMap<>();
        for (StoredSeries s : store.list()) {
            RegularSeries loaded = store.load(s.key());
            values.put(s.key() + "@" + s.grid(), java.util.Arrays.stream(loaded.values()).boxed().toList());
        }
        return values;
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of("unparseable number", "series_id,timestamp,value\nweb,0,1\nweb,60,12x\n", 3, "value", "a decimal number"),
                Arguments.of("unparseable timestamp", "series_id,timestamp,value\nweb,yesterday,1\n", 2, "timestamp", "ISO-8601"),
                Arguments.of("unsorted timestamps", "series_id,timestamp,value\nweb,60,1\nweb,0,2\n", 3, "timestamp", "time order"),
                Arguments.of("duplicate timestamps", "series_id,timestamp,value\nweb,0,1\nweb,60,2\nweb,60,3\n", 4, "timestamp", "duplicate timestamp"),
                Arguments.of("mixed steps", "series_id,timestamp,value\nweb,0,1\nweb,60,2\nweb,120,2\nweb,150,3\n", 5, "timestamp", "mixed steps"),
                Arguments.of("negative value", "series_id,timestamp,value\nweb,0,1\nweb,60,-2\n", 3, "value", "cannot be negative"),
                Arguments.of("empty file", "", 0, "", "header line"),
                Arguments.of("header only", "series_id,timestamp,value\n", 0, "", "at least one data row"),
                Arguments.of("wrong column count", "series_id,timestamp,value\nweb,0,1\nweb,60\n", 3, "", "3 fields"),
                Arguments.of("infinite value", "series_id,timestamp,value\nweb,0,Infinity\n", 2, "value", "finite number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void defectIsRejectedWithALocatedErrorAndTheStoreUnchanged(String defect, String content, long line, String field,
                                                             String expected) {
        Map<String, List<Double>> before = snapshot();
        Path bad = Fixtures.text(dir, "bad.csv", content);
        IngestReport r = ingest(csv, bad);
        assertFalse(r.allStored(), defect);
        InputProblem p = r.rejected().get(0);
        assertTrue(p.source().endsWith("bad.csv"), p.message());
        assertEquals(line, p.line(), p.message());
        assertEquals(field, p.field(), p.message());
        assertTrue(p.message().contains(expected), p.message());
        assertEquals(before, snapshot(), defect);
    }

    @Test
    void aBadFileAmongGoodOnesIsSkippedWhole() {
        Path ok = Fixtures.gzip(dir, "1.csv.gz", Fixtures.GWA_HEADER + "\n" + Fixtures.gwaRow(1375308176L, 10) + "\n");
        Path bad = Fixtures.gzip(dir, "2.csv.gz", Fixtures.GWA_HEADER + "\n" + Fixtures.gwaRow(1375308176L, 10)
                + "\n" + Fixtures.gwaRow(1375308476L, 10).replace(";\t2;", ";\tzwei;") + "\n");
        IngestReport r = new Ingestor(store, new GwaReader("aug"), 2, false).ingest(List.of(ok, bad), done -> { });
        assertEquals(1, r.files());
        assertEquals(1, r.rejected().size());
        assertEquals("CPU cores", r.rejected().get(0).field());
        assertEquals(10, store.list("aug").size());
        assertTrue(store.find(io.prescient.core.SeriesKey.parse("aug/2/cpu_cores")).isEmpty());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }
}
