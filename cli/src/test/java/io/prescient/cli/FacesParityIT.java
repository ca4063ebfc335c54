package io.prescient.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.prescient.core.store.SeriesStore;
import io.prescient.flink.JobSettings;
import io.prescient.flink.MetricPoint;
import io.prescient.flink.PlanRecord;
import io.prescient.flink.PlanningJob;
import io.prescient.io.duckdb.DuckDbStore;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One config and one CSV through the three faces of the loop: {@code prescient run} (the simulated
 * clock, in process), {@code prescient serve --replay} (its own process, the packaged CLI) and the
 * Flink job (a local MiniCluster fed the source's points), each recording or emitting every decision.
 * They must agree on every decision, forecast and plan, for the default model ({@code ensemble|mixture}) and for an LSTM
 * trained once by {@code prescient model train} and served from the registry ({@code champion:<scope>}),
 * so the network's artifact is what all three load, and for the dynamic regression on a covariate
 * (active users beside the requests: the job takes its points with the demand's, keyed by workload).
 * Skipped without the packaged CLI.
 */
class FacesParityIT {

    static final long START = 1_375_315_200L;
    static final int DAY = 288;

    @TempDir
    Path dir;

    @Test
    void runServeReplayAndFlinkDecideAlikeWithTheDefaultModel() throws Exception {
        List<PlanRecord> plans = threeFaces(io.prescient.plan.config.LoopConfig.Defaults.MODEL, false).plans();
        assertTrue(plans.stream().allMatch(p -> p.model().equals("ensemble|mixture")), "served by the default, the per-series choice");
    }

    @Test
    void runServeReplayAndFlinkDecideAlikeWithAnLstmFromTheRegistry() throws Exception {
        Path csv = csv(false);
        System.setProperty("prescient.neural.budget", "20");
        Result train;
        try {
            train = cli("model", "train", csv.toString(), "--format", "csv", "--freq", "5m", "--model", "lstm", "--scope", "parity",
                    "--horizon", "24", "--windows", "1", "--store", dir.resolve("store.duckdb").toString());
        } finally {
            System.clearProperty("prescient.neural.budget");
        }
        assertEquals(0, train.code(), train.out() + train.err());
        Matcher m = Pattern.compile("registered (\\S+)").matcher(train.out());
        assertTrue(m.find(), train.out());
        String version = m.group(1);
        Faces faces = threeFaces(LoopAssembly.CHAMPION_PREFIX + "parity", false);
        assertTrue(faces.plans().stream().allMatch(p -> p.model().equals(version)), "every decision names the trained version " + version);
        JsonNode served = faces.models().path("versions").get(0);
        assertEquals(version, served.path("id").asText());
        JsonNode provenance = served.path("provenance");
        assertEquals("lstm", provenance.path("spec").asText(), served.toString());
        assertEquals(24, provenance.path("horizon").asInt(), served.toString());
        assertEquals(3, provenance.path("series").asInt(), served.toString());
        assertEquals(Instant.ofEpochSecond(START).toString(), provenance.path("trained_from").asText(), served.toString());
        assertTrue(provenance.path("command").asText().startsWith("model train --model lstm"), served.toString());
    }

    @Test
    void runServeReplayAndFlinkDecideAlikeWithACovariate() throws Exception {
        List<PlanRecord> plans = threeFaces("dynreg", true).plans();
        assertTrue(plans.stream().allMatch(p -> p.model().equals("dynreg")), "served by the dynamic regression on users");
        assertTrue(plans.stream().noneMatch(p -> p.reason().contains("over drawn")), "decisions, not failures");
    }

    /** The run's plans (sorted) and what the server's /api/models answered. */
    private record Faces(List<PlanRecord> plans, JsonNode models) {
    }

    /** The plans of the three faces for the config's model, checked identical. */
    private Faces threeFaces(String model, boolean withUsers) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(LiveServeIT.JAR) && Files.isDirectory(LiveServeIT.LIB),
                "needs the packaged CLI (mvn package)");
        Path csv = csv(withUsers);
        Path config = dir.resolve("prescient.yaml");
        Files.writeString(config, """
                source: {path: %s, format: csv, freq: 5m}
                every: 6
                horizon: 24
                percentile: 0.95
                model: %s
                paths: 200
                capacity: {unit_capacity: 40, target_utilisation: 0.7, min_units: 1, max_units: 100, max_step: 5, cooldown: 6, lead: 2}
                workloads:
                  - series: "*"
                %s
                simulate: {from: %s}
                monitor: {window: 24, min_coverage: 0}
                seed: 7
                """.formatted(csv, model, withUsers ? "    covariates: {users: users}" : "", Instant.ofEpochSecond(START + DAY * 300L)));
        Path store = dir.resolve("store.duckdb");

        Result run = cli("run", "--config", config.toString(), "--store", store.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        Matcher runId = Pattern.compile("run (run-\\S+):").matcher(run.out());
        assertTrue(runId.find(), run.out());
        List<PlanRecord> byRun = journal(store, runId.group(1));
        assertEquals(3 * 48, byRun.size(), "a round every 30 minutes over the second day, for three workloads");
        assertTrue(byRun.stream().anyMatch(r -> r.units() != r.from()), "some rounds change capacity");
        assertTrue(byRun.stream().noneMatch(PlanRecord::held), "no round holds");

        Path log = dir.resolve("serve.log");
        int port = PrometheusIT.freePort();
        Process serve = serveReplay(config, store, port, log);
        JsonNode models;
        try {
            LiveServeIT.await(port, "/api/health", serve, log, 180, h -> h.path("rounds").asInt() >= byRun.size(),
                    byRun.size() + " replayed rounds");
            models = LiveServeIT.await(port, "/api/models", serve, log, 30, m -> true, "the registry's versions");
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
        List<PlanRecord> byServe = journal(store, LiveServeIT.runId(log));

        List<PlanRecord> byFlink;
        try (SeriesStore s = DuckDbStore.open(store, true)) {
            byFlink = flink(new LoopAssembly(LoopConfigFile.read(config), config, Map.of(), Optional.of(s)));
        }
        assertSame("serve --replay", byRun, byServe);
        assertSame("the Flink job", byRun, byFlink);
        System.out.printf(Locale.ROOT, "FacesParityIT (%s): %d decisions, %d orders, identical in run, serve --replay and Flink%n", model,
                byRun.size(), byRun.stream().filter(r -> r.units() != r.from()).count());
        return new Faces(byRun, models);
    }

    /**
     * Identical decisions (units, reasons, models, times) and forecasts and plans equal to the journal's
     * precision: the store keeps 6 significant digits, the Flink job emits doubles (and a network's
     * float sums may differ in the last bits between a batch of one and a batch of many).
     */
    private static void assertSame(String face, List<PlanRecord> expected, List<PlanRecord> actual) {
        assertEquals(expected.size(), actual.size(), face + ": decisions");
        for (int i = 0; i < expected.size(); i++) {
            PlanRecord e = expected.get(i);
            PlanRecord a = actual.get(i);
            PlanRecord decision = new PlanRecord(a.workload(), a.time(), a.stepSeconds(), a.percentile(), a.from(), a.units(), a.held(),
                    a.reason(), e.median(), e.upper(), e.capacity(), a.model());
            assertTrue(e.same(decision) && close(e.median(), a.median()) && close(e.upper(), a.upper()) && close(e.capacity(), a.capacity()),
                    face + ", decision " + i + " differs:\n run  " + describe(e) + "\n " + face + " " + describe(a));
        }
    }

    /** Equal to 6 significant digits. */
    private static boolean close(double[] journalled, double[] v) {
        if (journalled.length != v.length) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(journalled[i] - v[i]) > 1e-5 * Math.max(1, Math.abs(v[i]))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(PlanRecord r) {
        return r + " median " + java.util.Arrays.toString(r.median()) + " upper " + java.util.Arrays.toString(r.upper()) + " capacity "
                + java.util.Arrays.toString(r.capacity());
    }

    static final Comparator<PlanRecord> ORDER = Comparator.comparing(PlanRecord::workload).thenComparingLong(PlanRecord::time);

    private static List<PlanRecord> journal(Path store, String runId) {
        try (SeriesStore s = DuckDbStore.open(store, true)) {
            List<PlanRecord> out = new ArrayList<>(s.journal().steps(runId).stream().map(PlanRecord::of).toList());
            assertFalse(out.isEmpty(), "run " + runId + " journalled nothing");
            out.sort(ORDER);
            return out;
        }
    }

    /** The Flink job over the points of the series the assembly reads, as the job's main builds it. */
    private static List<PlanRecord> flink(LoopAssembly assembly) throws Exception {
        List<MetricPoint> points = new ArrayList<>();
        for (LoopAssembly.Selected s : assembly.select(assembly.read(Instant.now().getEpochSecond(), 1))) {
            for (int t = 0; t < s.series().length(); t++) {
                points.add(new MetricPoint(s.name(), s.series().grid().timeAt(t), s.series().value(t)));
                for (Map.Entry<String, double[]> c : s.covariates().entrySet()) {
                    points.add(new MetricPoint(s.name(), s.series().grid().timeAt(t), c.getValue()[t], c.getKey()));
                }
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<MetricPoint> in = env.fromData(points).assignTimestampsAndWatermarks(PlanningJob.watermarks(Duration.ofMinutes(5)));
        List<PlanRecord> out = new ArrayList<>();
        try (var it = PlanningJob.plans(in, JobSettings.of(assembly, DAY, 28 * DAY)).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        out.sort(ORDER);
        return out;
    }

    /** {@code prescient serve --replay} on the store, in its own process, its output in {@code log}. */
    private Process serveReplay(Path config, Path store, int port, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = LiveServeIT.JAR.toAbsolutePath() + File.pathSeparator + LiveServeIT.LIB.toAbsolutePath() + File.separator + "*";
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", classpath, "io.prescient.cli.Main", "serve", "--config",
                config.toString(), "--store", store.toString(), "--port", String.valueOf(port), "--token", LiveServeIT.TOKEN,
                "--replay", "--tick", "1ms").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PRESCIENT_HOME", dir.resolve("home").toString());
        return pb.start();
    }

    private record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, Map.of("PRESCIENT_HOME", dir.resolve("home").toString()), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Three request series on a 5-minute grid over two days (long CSV): daily cycles, noise and bursts;
     * with {@code withUsers}, active users beside them, which the requests follow.
     */
    private Path csv(boolean withUsers) throws Exception {
        Path f = dir.resolve("load.csv");
        if (Files.exists(f)) {
            return f;
        }
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder b = new StringBuilder(withUsers ? "series_id,timestamp,requests,users\n" : "series_id,timestamp,requests\n");
        for (int w = 0; w < 3; w++) {
            double level = 80 + 40 * w;
            for (int t = 0; t < 2 * DAY; t++) {
                double cycle = Math.sin(2 * Math.PI * (t % DAY) / DAY - Math.PI / 2);
                double burst = r.nextDouble() < 0.01 ? 1.8 : 1;
                double y = Math.max(0, level * (1 + 0.5 * cycle) * burst + r.nextGaussian() * 0.05 * level);
                b.append("svc-").append(w).append(',').append(Instant.ofEpochSecond(START + 300L * t)).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", y));
                if (withUsers) {
                    b.append(',').append(String.format(Locale.ROOT, "%.1f", 10 * level * (1 + 0.5 * cycle) * burst));
                }
                b.append('\n');
            }
        }
        Files.writeString(f, b);
        return f;
    }
}
