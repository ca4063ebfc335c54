package io.prescient.flink;

import io.prescient.plan.LoopAssembly;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Throughput of the planning job on a local MiniCluster: {@code workloads} synthetic workloads, each
 * with two days of hourly history (a daily cycle, noise, a level of its own) and one planning round,
 * generated inside the job; prints the wall time of the whole job, rounds a second and a second per core.
 * <pre>
 * flink/bench.sh --workloads 100000 --parallelism 2 [--model seasonal-naive] [--paths 200]
 * </pre>
 */
public final class PlanningBench {

    static final long START = 1_375_315_200L;
    static final int HISTORY = 48;

    private PlanningBench() {
    }

    /** Point {@code i}: workload {@code i / (HISTORY + 1)}, hour {@code i % (HISTORY + 1)}. */
    static final class SyntheticPoint implements MapFunction<Long, MetricPoint> {
        @Override
        public MetricPoint map(Long i) {
            long w = i / (HISTORY + 1);
            int h = (int) (i % (HISTORY + 1));
            double level = 50 + (w * 7919 % 400);
            double noise = ((w * 31 + h * 17) % 13 - 6) / 6.0;
            double y = level * (1 + 0.4 * Math.sin(2 * Math.PI * h / 24.0)) + 0.05 * level * noise;
            return new MetricPoint("w" + w + "/requests", START + 3600L * h, y);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long workloads = Long.parseLong(a.getOrDefault("workloads", "10000"));
        int parallelism = Integer.parseInt(a.getOrDefault("parallelism", "1"));
        String model = a.getOrDefault("model", "seasonal-naive");
        int paths = Integer.parseInt(a.getOrDefault("paths", "200"));
        LoopConfig config = LoopConfigFile.parse("bench.yaml", """
                source: {path: synthetic, freq: 1h}
                every: 1
                horizon: 24
                percentile: 0.95
                model: %s
                paths: %d
                seed: 42
                capacity: {unit_capacity: 50, target_utilisation: 0.7, min_units: 1, max_units: 1000, max_step: 20, cooldown: 2, lead: 2}
                workloads:
                  - series: "*"
                """.formatted(model, paths), Path.of("."));
        // the job's settings from the loop's one assembly, as the job's main takes them
        JobSettings settings = JobSettings.of(new LoopAssembly(config, Path.of("bench.yaml"), Map.of(), Optional.empty()), HISTORY,
                4 * HISTORY);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<MetricPoint> points = env.fromSequence(0, workloads * (HISTORY + 1) - 1).map(new SyntheticPoint())
                .assignTimestampsAndWatermarks(PlanningJob.watermarks(Duration.ZERO));
        long started = System.nanoTime();
        long rounds = 0;
        try (var it = PlanningJob.plans(points, settings).map(r -> r.held() ? 0 : 1).executeAndCollect()) {
            while (it.hasNext()) {
                rounds += it.next() >= 0 ? 1 : 0;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int cores = Math.min(parallelism, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%d workloads, parallelism %d, model %s, %d paths, horizon 24: %d planning rounds in %.1f s "
                        + "(whole job: generate %d points, key, plan); %.0f rounds/s, %.0f rounds/s per core%n", workloads, parallelism, model,
                paths, rounds, seconds, workloads * (HISTORY + 1), rounds / seconds, rounds / seconds / cores);
    }
}
