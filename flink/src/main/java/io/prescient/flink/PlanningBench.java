package io.prescient.flink;

import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.loop.LoopSettings;
import io.prescient.plan.montecarlo.SimulationSettings;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

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
        JobSettings settings = new JobSettings(3600, 1, HISTORY, 4 * HISTORY,
                io.prescient.forecast.registry.ServedModel.unregistered(io.prescient.forecast.Models.create(model, 3600, 24, 24)),
                new LoopSettings(24, 0.95, 24, 6, 0.2, new SimulationSettings(paths, 42, 16, 1)), "", Map.of(),
                new CapacityModel(50, 0.7, 1, 1000, 20, 2, 2, true), true);
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
