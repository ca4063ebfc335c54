package io.prescient.server;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.io.ingest.PanelSource;
import io.prescient.io.ingest.SourceFiles;
import io.prescient.io.read.Format;
import io.prescient.io.read.GwaReader;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import io.prescient.server.api.ServerSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Servers for tests: a loop over synthetic request series (a daily cycle with noise and a few bursts,
 * 5-minute grid, four days), or over the first VMs of the real Bitbrains August month when
 * {@code ../shared} has it.
 */
final class TestServers {

    static final String TOKEN = "test-token-0123456789abcdef";
    static final Path AUGUST = Path.of("..", "..", "shared", "data", "bitbrains-rnd", "2013-8");

    private TestServers() {
    }

    static ServerSettings settings(double readsPerSecond, double writesPerSecond) {
        return new ServerSettings("127.0.0.1", 0, TOKEN, 16_384, readsPerSecond, writesPerSecond);
    }

    static Map<String, Panel> synthetic(int workloads, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TimeGrid grid = new TimeGrid(1_375_315_200L, 300, 4 * 288);
        List<RegularSeries> series = new ArrayList<>();
        for (int w = 0; w < workloads; w++) {
            double level = 100 + 60 * w;
            double[] y = new double[grid.length()];
            for (int t = 0; t < y.length; t++) {
                double day = Math.sin(2 * Math.PI * (t % 288) / 288.0 - Math.PI / 2);
                double burst = random.nextDouble() < 0.01 ? 2 : 1;
                y[t] = Math.max(0, level * (1 + 0.5 * day) * burst + random.nextGaussian() * 0.08 * level);
            }
            series.add(new RegularSeries(new SeriesInfo(new SeriesKey("synthetic", "svc-" + w, "requests"),
                    new Unit("req/s", "requests per second", true), Map.of()), grid, y));
        }
        return Map.of("requests", Panel.aligned(series));
    }

    /** The first {@code vms} VMs of the August month (cpu_usage_mhz), if ../shared has it. */
    static Optional<Map<String, Panel>> august(int vms) {
        if (!Files.isDirectory(AUGUST)) {
            return Optional.empty();
        }
        List<Path> files = SourceFiles.of(AUGUST, Format.GWA).stream().limit(vms).toList();
        return Optional.of(PanelSource.fromFiles(files, new GwaReader("2013-8"), m -> m.equals("cpu_usage_mhz"), 2));
    }

    /** A loop config over the given panels' series: hourly rounds over the last day, a scenario file as the baseline. */
    static LoopConfig config(Path dir, String metric, double unitCapacity) throws IOException {
        return config(dir, metric, unitCapacity, "");
    }

    /** The test config with more top-level keys ({@code extra}, YAML lines). */
    static LoopConfig config(Path dir, String metric, double unitCapacity, String extra) throws IOException {
        Files.writeString(dir.resolve("scenarios.yaml"), """
                name: spikes
                scenarios:
                  - name: bursts
                    type: spike
                    probability: 0.5
                    per_day: 4
                    magnitude: {lognormal: {median: 0.5, sigma: 0.4}}
                    duration: {uniform: {min: 10m, max: 40m}}
                    shape: decay
                """);
        String yaml = """
                source: {path: panels, format: csv, freq: 5m}
                every: 6
                horizon: 24
                percentile: 0.95
                model: ensemble
                paths: 200
                scenarios: scenarios.yaml
                actuator: {type: dry-run}
                capacity: {unit_capacity: %s, target_utilisation: 0.7, min_units: 1, max_units: 500, max_step: 20, cooldown: 6, lead: 2}
                workloads:
                  - series: "*"
                    metric: %s
                monitor: {window: 12, min_coverage: 0.8}
                """.formatted(unitCapacity, metric) + extra;
        Path file = dir.resolve("prescient.yaml");
        Files.writeString(file, yaml);
        return LoopConfigFile.read(file);
    }

    /** The loop assembled from the test config, keeping nothing. */
    static io.prescient.plan.LoopAssembly assembly(Path dir, LoopConfig config) {
        return new io.prescient.plan.LoopAssembly(config, dir.resolve("prescient.yaml"), Map.of(), Optional.empty());
    }
}
