package io.prescient.io;

import io.prescient.core.Aggregation;
import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.TimeGrid;
import io.prescient.io.duckdb.DuckDbStore;
import io.prescient.io.ingest.IngestReport;
import io.prescient.io.ingest.Ingestor;
import io.prescient.io.ingest.SourceFiles;
import io.prescient.io.read.Format;
import io.prescient.io.read.GwaReader;
import io.prescient.io.read.NabReader;
import io.prescient.io.read.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real data in ../shared: skipped, and said so, when it is not there. */
class SharedDataIT {

    @TempDir
    Path dir;

    private static Path shared(String folder) {
        Path data = Fixtures.sharedData().orElse(null);
        assumeTrue(data != null && Files.isDirectory(data.resolve(folder)),
                "shared data folder " + folder + " is absent; set -Dprescient.shared.data=<path> to run this test");
        return data.resolve(folder);
    }

    @Test
    void bitbrainsAugustGridsMatchTheForecastProtocol() {
        List<Path> files = SourceFiles.of(shared("bitbrains-rnd/2013-8"), Format.GWA);
        assertEquals(500, files.size());
        GwaReader reader = new GwaReader("2013-8");
        List<ReadResult> read = files.parallelStream().map(reader::read).toList();
        for (String metric : List.of("cpu_usage_mhz", "cpu_usage_pct")) {
            List<RegularSeries> series = read.stream().flatMap(r -> r.series().stream())
                    .filter(s -> s.key().metric().equals(metric)).toList();
            Panel fiveMinutes = Panel.aligned(series);
            assertEquals(new TimeGrid(1375308000L, 300, 8640), fiveMinutes.grid(), metric);
            assertEquals(0.002953, fiveMinutes.missingFraction(), 5e-7, metric);
            Panel hourly = fiveMinutes.resample(3600, Aggregation.MEAN);
            assertEquals(new TimeGrid(1375308000L, 3600, 720), hourly.grid(), metric);
        }
    }

    @Test
    void allSeventeenNabAwsSeriesIngest() {
        List<Path> files = SourceFiles.of(shared("nab/realAWSCloudwatch"), Format.NAB);
        assertEquals(17, files.size());
        try (io.prescient.io.jdbc.JdbcStore store = DuckDbStore.open(dir.resolve("nab.duckdb"), false)) {
            IngestReport report = new Ingestor(store, new NabReader("nab", 0), 2, false).ingest(files, n -> { });
            assertTrue(report.allStored(), () -> report.rejected().toString());
            assertEquals(17, store.list("nab").size());
            assertEquals(17, report.written().added());
            assertTrue(store.list("nab").stream().allMatch(s -> s.grid().stepSeconds() == 300));
        }
    }
}
