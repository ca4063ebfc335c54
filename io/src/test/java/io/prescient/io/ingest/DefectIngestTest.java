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
                Arguments.of("infinite value", "series_id,timestamp,value\nweb,0,Infinity\n", 2, "value", "finite number"),
                Arguments.of("timestamp past year 2200", "series_id,timestamp,value\nweb,0,1\nweb,+999999999-12-31T23:59:59Z,2\n", 3,
                        "timestamp", "between 1900 and 2200"),
                Arguments.of("overflowing numeric timestamp", "series_id,timestamp,value\nweb,0,1\nweb,1e300,2\n", 3, "timestamp",
                        "between 1900 and 2200"),
                Arguments.of("Long.MAX timestamp", "series_id,timestamp,value\nweb,0,1\nweb,9223372036854775807,2\n", 3, "timestamp",
                        "between 1900 and 2200"),
                Arguments.of("day that does not exist", "series_id,timestamp,value\nweb,2024-02-30T00:00:00Z,1\n", 2, "timestamp",
                        "ISO-8601"),
                Arguments.of("a million columns", "timestamp," + "c,".repeat(1_000_000) + "c\n0," + "1,".repeat(1_000_000) + "1\n", 1,
                        "", "lines of at most"),
                Arguments.of("20,000 columns", "timestamp," + columns(20_000) + "\n0," + "1,".repeat(19_999) + "1\n", 1, "",
                        "at most 10000 fields"),
                Arguments.of("a line that never ends", "series_id,timestamp,value\nweb,0," + "9".repeat(3 << 20) + "\n", 2, "",
                        "lines of at most"),
                Arguments.of("a grid too large for its columns", "timestamp," + columns(3000) + "\n"
                        + String.join("\n", java.util.stream.LongStream.of(0, 60, 60_000_000L).mapToObj(t -> t + ",1".repeat(3000)).toList())
                        + "\n", 0, "timestamp", "at most 25000000 values"));
    }

    private static String columns(int n) {
        return String.join(",", java.util.stream.IntStream.range(0, n).mapToObj(i -> "c" + i).toList());
    }

    @Test
    void aGzipBombIsRefusedBeforeItIsDecompressedWholeAndNoMalformedInputTakesMoreThan512Mb() throws Exception {
        Path bomb = dir.resolve("bomb.csv.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(bomb))) {
            out.write("series_id,timestamp,value\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] rows = "web,0,1\n".repeat(1 << 16).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 2_000; i++) {
                out.write(rows);
            }
        }
        assertTrue(java.nio.file.Files.size(bomb) < 2 << 20, "a small file: " + java.nio.file.Files.size(bomb));
        Map<String, List<Double>> before = snapshot();
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), MalformedInputProbe.class.getName(),
                dir.resolve("probe.duckdb").toString(), bomb.toString()));
        List<Path> inputs = new java.util.ArrayList<>(List.of(bomb));
        defects().forEach(a -> {
            Path input = Fixtures.text(dir, "case-" + inputs.size() + ".csv", (String) a.get()[1]);
            assertTrue(input.toFile().length() < 10 << 20, input + " is an input under 10 MB");
            inputs.add(input);
            command.add(input.toString());
        });
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, probe.exitValue(), "every malformed input is rejected in a 512 MB heap:\n" + out);
        assertEquals(inputs.size(), out.lines().filter(l -> l.startsWith("rejected: ")).count(), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("bomb.csv.gz") && l.contains("decompression bomb")), out);
        assertEquals(before, snapshot());
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
