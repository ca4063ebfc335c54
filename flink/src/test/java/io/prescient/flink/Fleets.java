package io.prescient.flink;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.store.PlanningJournal;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import io.prescient.plan.loop.DriftHandler;
import io.prescient.plan.loop.Recording;
import io.prescient.plan.loop.SimulatedClockLoop;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Synthetic workloads for the Flink tests, and the plans the simulated-clock loop (the server's) makes for them. */
final class Fleets {

    static final long START = 1_375_315_200L;
    static final int DAY = 288;

    private Fleets() {
    }

    /** {@code n} request series on a 5-minute grid over {@code days} days: daily cycles with noise and bursts. */
    static List<RegularSeries> series(int n, int days, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<RegularSeries> out = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            double level = 80 + 40 * (w % 7);
            double[] y = new double[days * DAY];
            for (int t = 0; t < y.length; t++) {
                double cycle = Math.sin(2 * Math.PI * (t % DAY) / DAY - Math.PI / 2);
                y[t] = Math.max(0, level * (1 + 0.5 * cycle) * (r.nextDouble() < 0.01 ? 1.8 : 1) + r.nextGaussian() * 0.05 * level);
            }
            out.add(new RegularSeries(new SeriesInfo(new SeriesKey("synthetic", "svc-" + w, "requests"),
                    new Unit("req/s", "requests per second", true), Map.of()), new TimeGrid(START, 300, y.length), y));
        }
        return out;
    }

    static List<MetricPoint> points(List<RegularSeries> series) {
        List<MetricPoint> out = new ArrayList<>();
        for (RegularSeries s : series) {
            for (int t = 0; t < s.length(); t++) {
                out.add(new MetricPoint(s.key().item() + "/" + s.key().metric(), s.grid().timeAt(t), s.value(t)));
            }
        }
        return out;
    }

    /** The loop config: rounds every 6 steps (30 min) from the second day, a 2-hour horizon, the ensemble model. */
    static LoopConfig config(Path dir, String model, int paths) {
        return LoopConfigFile.parse("flink.yaml", """
                source: {path: synthetic, freq: 5m}
                every: 6
                horizon: 24
                percentile: 0.95
                model: %s
                paths: %d
                capacity: {unit_capacity: 40, target_utilisation: 0.7, min_units: 1, max_units: 100, max_step: 5, cooldown: 6, lead: 2}
                workloads:
                  - series: "*"
                simulate: {from: %s}
                """.formatted(model, paths, Instant.ofEpochSecond(START + DAY * 300L)), dir);
    }

    /** The plans the simulated-clock loop makes, as the server runs it. */
    static List<PlanRecord> serverPlans(LoopConfig config, List<RegularSeries> series) {
        return serverPlans(assembly(config, Optional.empty()), series);
    }

    /** The loop assembled from the config, with a store for a registry model or none. */
    static LoopAssembly assembly(LoopConfig config, Optional<io.prescient.core.store.SeriesStore> store) {
        return new LoopAssembly(config, Path.of("flink.yaml"), Map.of(), store);
    }

    /** The plans the simulated-clock loop makes through the assembly, as run and serve --replay run it. */
    static List<PlanRecord> serverPlans(LoopAssembly assembly, List<RegularSeries> series) {
        List<LoopAssembly.Selected> selected = assembly.select(Map.of("requests", Panel.aligned(series)));
        List<SimulatedClockLoop.Workload> workloads = assembly.simulated(selected,
                assembly.models(selected, s -> assembly.window(s.series())[0], line -> { }));
        List<PlanRecord> out = new ArrayList<>();
        PlanningJournal capture = new PlanningJournal() {
            @Override
            public void record(Step step) {
                out.add(PlanRecord.of(step));
            }

            @Override
            public void actuated(Step step, Actuation outcome, String detail) {
                // the job has no actuator to compare: only the recorded plans are
            }

            @Override
            public List<Step> steps(String runId) {
                return List.of();
            }

            @Override
            public Optional<Step> latest(String workload) {
                return Optional.empty();
            }

            @Override
            public Optional<Step> latestChange(String workload) {
                return Optional.empty();
            }

            @Override
            public List<Step> recent(String workload, int limit) {
                return List.of();
            }
        };
        assembly.clock(DriftHandler.REPORT_ONLY).run(workloads, assembly.config().every(), d -> { },
                new Recording("server", "dry-run", Optional.of(capture)));
        return out;
    }
}
