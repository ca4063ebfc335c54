package io.prescient.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.prescient.core.store.ModelDecision;
import io.prescient.core.store.ModelVersion;
import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.SeriesStore;
import io.prescient.io.duckdb.DuckDbStore;
import io.prescient.io.prometheus.PrometheusClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code prescient serve} live (the real clock, a round every 2 s) against a real Prometheus (Debian's
 * package) scraping a metrics endpoint every second whose level triples mid-run: the forecasts are
 * scored, coverage collapses, the drift cycle trains and validates in the store's registry, its
 * champion serves the next decisions (named in the journal); the server process is killed with
 * SIGKILL and restarted on the same store, and goes on serving that champion from the units and
 * cooldown the journal left. Skipped without prometheus and promtool ({@code .ci/run} installs them)
 * or without the packaged CLI (the {@code package} phase builds it before the integration tests).
 */
class LiveServeIT {

    static final Path JAR = Path.of("target", "prescient-cli.jar");
    static final Path LIB = Path.of("target", "lib");
    static final String WORKLOAD = "shop/demand";
    static final String TOKEN = "live-serve-test-token";
    static final int STEP = 2;
    static final int COOLDOWN = 15;

    @TempDir
    static Path dir;

    static HttpServer exporter;
    static LocalPrometheus prometheus;
    static int prometheusPort;
    /** Epoch seconds from which the level is 300 instead of 100, and from which it is back at 100 (far future until the test moves them). */
    static final AtomicLong shiftAt = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong backAt = new AtomicLong(Long.MAX_VALUE);

    /**
     * Requests a second at a time: a level of 100 with deterministic noise of +-13 (the smoothed level,
     * ETS's forecast, is the best one), from the shift a random walk from 300 with steps of up to
     * +-30 a second (the last value, the naive forecast, is the best one: validation after the shift
     * finds it), and 100 with noise again from the return. The drift fires within a few points of the
     * jump; the cycle then waits until both validation windows start after it (ForecastMonitor's onset),
     * so the choice is the new regime's (in a CI run where it ran at once, both windows straddled the
     * jump and ETS won by chance).
     */
    static double demand(long epochSecond) {
        if (epochSecond >= shiftAt.get() && epochSecond < backAt.get()) {
            double level = 300;
            for (long s = shiftAt.get(); s < epochSecond; s++) {
                level += noise(s ^ 0x5BD1E995L, 60);
            }
            return Math.max(150, level);
        }
        return 100 + noise(epochSecond, 26);
    }

    /** Deterministic noise in [-width/2, width/2] for a second. */
    static double noise(long epochSecond, double width) {
        long h = epochSecond * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return ((h & 0xFFFF) / 65535.0 - 0.5) * width;
    }

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(LocalPrometheus.installed(), "needs Debian's prometheus package (.ci/run installs it)");
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isDirectory(LIB), "needs the packaged CLI (mvn package)");
        exporter = LocalPrometheus.exporter(() -> String.format(Locale.ROOT,
                "# TYPE shop_requests_per_second gauge%nshop_requests_per_second %.3f%n", demand(Instant.now().getEpochSecond())));
        String target = "127.0.0.1:" + exporter.getAddress().getPort();
        long now = Instant.now().getEpochSecond();
        StringBuilder history = new StringBuilder("# TYPE shop_requests_per_second gauge\n");
        for (long t = now - 3600; t <= now; t += STEP) {
            history.append(String.format(Locale.ROOT, "shop_requests_per_second{instance=\"%s\",job=\"shop\"} %.3f %d%n", target, demand(t), t));
        }
        history.append("# EOF\n");
        prometheus = LocalPrometheus.start(dir, history.toString(), """
                  - job_name: shop
                    static_configs: [{targets: ['%s']}]
                """.formatted(target));
        prometheusPort = prometheus.port();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.stop(0);
        }
    }

    /** {@code prescient serve} live on the store, in its own process (so it can be killed), its output in {@code log}. */
    static Process serve(Path config, Path store, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = JAR.toAbsolutePath() + File.pathSeparator + LIB.toAbsolutePath() + File.separator + "*";
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", classpath, "io.prescient.cli.Main", "serve", "--config", config.toString(),
                "--store", store.toString(), "--port", String.valueOf(port), "--token", TOKEN, "--interval", STEP + "s",
                "--challengers", "naive").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PRESCIENT_HOME", dir.resolve("home").toString());
        return pb.start();
    }

    /** Runs the CLI with {@code args} in its own process and asserts it succeeds. */
    static void cli(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = JAR.toAbsolutePath() + File.pathSeparator + LIB.toAbsolutePath() + File.separator + "*";
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, "io.prescient.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", args) + ":\n" + out);
        System.out.print("LiveServeIT: prescient " + args[0] + " " + args[1] + ": " + out);
    }

    /** GETs {@code path} on the server until {@code until} holds for its JSON (within {@code seconds}). */
    static JsonNode await(int port, String path, Process server, Path log, int seconds, Predicate<JsonNode> until, String what)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the server exited:\n" + Files.readString(log));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    last = json.readTree(r.body());
                    if (until.test(last)) {
                        return last;
                    }
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("within " + seconds + " s: " + what + "; last seen " + last + "\n" + Files.readString(log));
    }

    /** The run id the server printed at start. */
    static String runId(Path log) throws IOException {
        Matcher m = Pattern.compile("run (serve-\\S+)").matcher(Files.readString(log));
        assertTrue(m.find(), Files.readString(log));
        return m.group(1);
    }

    /** What Prometheus answers for the workload's query at {@code time}: the last value the loop saw before a decision. */
    static double observed(PrometheusClient client, long time) {
        List<PrometheusClient.Series> r = client.queryRange("sum(shop_requests_per_second)", time, time, STEP);
        return r.isEmpty() || r.get(0).values().length == 0 ? Double.NaN : r.get(0).values()[0];
    }

    @Test
    void theLiveServerScoresDriftsRetrainsServesTheChampionAndGoesOnAfterAKill() throws Exception {
        Path config = dir.resolve("prescient.yaml");
        Files.writeString(config, """
                source: {path: "http://127.0.0.1:%d", format: prometheus, freq: %ds, lookback: 20m}
                every: 1
                horizon: 3
                percentile: 0.95
                model: ets
                paths: 200
                actuator: {type: dry-run}
                capacity: {unit_capacity: 50, target_utilisation: 0.7, min_units: 1, max_units: 20, max_step: 2, cooldown: %d, lead: 0}
                workloads:
                  - series: shop
                    query: sum(shop_requests_per_second)
                monitor: {window: 5, min_coverage: 0.5}
                """.formatted(prometheusPort, STEP, COOLDOWN));
        Path store = dir.resolve("store.duckdb");
        int port = PrometheusIT.freePort();
        String workload = "/api/workloads/" + WORKLOAD;
        String actions = "/api/actions?limit=1&workload=" + WORKLOAD;
        Path log1 = dir.resolve("serve-1.log");
        Process first = serve(config, store, port, log1);
        try {
            JsonNode scored = await(port, workload, first, log1, 120, w -> w.path("rounds").asInt() >= 8 && w.path("coverage").isNumber(),
                    "eight live rounds with scored forecasts");
            assertEquals("ets", scored.path("model").asText());
            shiftAt.set(Instant.now().getEpochSecond());
            await(port, workload, first, log1, 60, w -> w.path("drifts").size() > 0 && !w.path("model").asText().equals("ets"),
                    "a drift after the level tripled, and its cycle's champion serving");
            await(port, workload, first, log1, 90, w -> w.path("rounds").asInt() >= 20, "at least 20 rounds");
            backAt.set(Instant.now().getEpochSecond());
            await(port, actions, first, log1, 90, a -> a.size() == 1 && a.get(0).path("units").asDouble() < a.get(0).path("from").asDouble(),
                    "a scale-down once the level is back at 100, to kill the server within the cooldown it starts");
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
        String run1Id = runId(log1);
        String champion;
        String decision;
        List<PlanningJournal.Step> run1;
        try (SeriesStore s = DuckDbStore.open(store, true)) {
            ModelVersion c = s.models().champion("loop/" + WORKLOAD).orElseThrow(() -> new AssertionError("no champion after the drift"));
            champion = c.id();
            List<ModelDecision> decisions = s.models().decisions("loop/" + WORKLOAD);
            assertFalse(decisions.isEmpty());
            ModelDecision firstDecision = decisions.get(decisions.size() - 1);
            decision = decisions.size() + " cycle(s), the first " + firstDecision.kind() + ": " + firstDecision.reason();
            String evidence = firstDecision.evidence();
            run1 = s.journal().steps(run1Id).stream().filter(x -> x.workload().equals(WORKLOAD)).toList();
            for (PlanningJournal.Step x : run1) {
                if (!x.model().equals("ets")) {
                    ModelVersion v = s.models().version(x.model()).orElseThrow(() -> new AssertionError("no registry version " + x.model()));
                    assertEquals("naive", v.model(), "after the shift (a random walk) the last value beats ETS's smoothed level in validation; " + decision + "; " + evidence);
                }
            }
        }
        List<PlanningJournal.Step> byEts = run1.stream().filter(x -> x.model().equals("ets")).toList();
        List<PlanningJournal.Step> byChampion = run1.stream().filter(x -> !x.model().equals("ets")).toList();
        assertTrue(run1.size() >= 20, "at least 20 live rounds: " + run1.size());
        assertFalse(byEts.isEmpty());
        assertFalse(byChampion.isEmpty(), "decisions made by the cycle's champion");
        assertTrue(byChampion.get(0).originTs() > byEts.get(byEts.size() - 1).originTs(), "the champion serves from its promotion on");
        // the champion (a naive model) forecasts the last value seen; ETS, which a run without the retrain would have kept, does not
        PrometheusClient client = prometheus.client();
        long etsAsLast = byEts.stream().filter(x -> Math.abs(x.median()[0] - observed(client, x.originTs() - STEP)) < 1e-6).count();
        long championAsLast = byChampion.stream().filter(x -> Math.abs(x.median()[0] - observed(client, x.originTs() - STEP)) < 1e-6)
                .count();
        assertTrue(championAsLast >= 0.8 * byChampion.size(), "the champion forecasts the last value seen: " + championAsLast + " of "
                + byChampion.size());
        assertTrue(etsAsLast <= 0.2 * byEts.size(), "ETS does not: " + etsAsLast + " of " + byEts.size());
        PlanningJournal.Step lastOfRun1 = run1.get(run1.size() - 1);
        PlanningJournal.Step lastChange = run1.stream().filter(x -> x.units() != x.fromUnits()).reduce((a, b) -> b).orElseThrow();

        Path log2 = dir.resolve("serve-2.log");
        Process second = serve(config, store, port, log2);
        JsonNode resumedScores;
        String candidate = null;
        try {
            resumedScores = await(port, workload, second, log2, 120, w -> w.path("rounds").asInt() >= 1, "a round after the restart");
            await(port, actions, second, log2, 120, a -> a.size() == 1 && a.get(0).path("units").asDouble() < a.get(0).path("from").asDouble(),
                    "the next scale-down, once the cooldown has passed");
            // a promotion and a rollback by the CLI, through the server that holds the store, serve from the next round
            JsonNode models = await(port, "/api/models", second, log2, 30, m -> m.path("versions").size() > 0, "the registry");
            for (JsonNode v : models.path("versions")) {
                if (v.path("model").asText().equals("ets") && v.path("scope").asText().equals("loop/" + WORKLOAD)) {
                    candidate = v.path("id").asText();
                }
            }
            assertTrue(candidate != null, "the drift cycle registered the ETS it validated: " + models);
            String url = "http://127.0.0.1:" + port;
            cli("model", "promote", candidate, "--server", url, "--token", TOKEN, "--reason", "test: by hand");
            String promoted = candidate;
            await(port, workload, second, log2, 30, w -> w.path("model").asText().equals(promoted), "the promoted version serving");
            cli("model", "rollback", "loop/" + WORKLOAD, "--server", url, "--token", TOKEN);
            await(port, workload, second, log2, 30, w -> w.path("model").asText().equals(champion), "the champion again after the rollback");
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
        List<PlanningJournal.Step> run2;
        try (SeriesStore s = DuckDbStore.open(store, true)) {
            run2 = s.journal().steps(runId(log2)).stream().filter(x -> x.workload().equals(WORKLOAD)).toList();
        }
        assertFalse(run2.isEmpty());
        assertTrue(resumedScores.path("rounds").asInt() < 3 && resumedScores.path("coverage").isNumber()
                        && !Double.isNaN(resumedScores.path("coverage").asDouble()),
                "the restarted server scores the forecasts the journal holds before its own reach their horizon: " + resumedScores);
        PlanningJournal.Step resumed = run2.get(0);
        assertEquals(champion, resumed.model(), "the restarted server serves the same champion");
        assertEquals(lastOfRun1.units(), resumed.fromUnits(), "and starts from the units the journal left");
        long cooldownEnds = lastChange.originTs() + (long) COOLDOWN * STEP;
        assertTrue(resumed.originTs() < cooldownEnds, "the restart came within the cooldown of the last order before the kill");
        PlanningJournal.Step firstDown = run2.stream().filter(x -> x.units() < x.fromUnits()).findFirst().orElseThrow();
        assertTrue(run2.get(0).units() == run2.get(0).fromUnits(), "the first round after the restart keeps the units: " + run2.get(0));
        assertTrue(firstDown.originTs() >= cooldownEnds, "the scale-down waits for the cooldown the journal carries over: "
                + Instant.ofEpochSecond(firstDown.originTs()) + " before " + Instant.ofEpochSecond(cooldownEnds));
        System.out.printf(Locale.ROOT, "LiveServeIT: run 1: %d live rounds, %d by ets, then drift and %s; %d by registry versions %s, "
                        + "champion at the kill %s (median = last value "
                        + "in %d of %d ETS rounds, %d of %d champion rounds); killed after an order at %s; run 2 resumed at %s with %s "
                        + "from %.0f units; first scale-down at %s, the cooldown ended at %s%n", run1.size(), byEts.size(), decision,
                byChampion.size(), byChampion.stream().map(PlanningJournal.Step::model).distinct().toList(), champion, etsAsLast, byEts.size(), championAsLast, byChampion.size(),
                Instant.ofEpochSecond(lastChange.originTs()), Instant.ofEpochSecond(resumed.originTs()), resumed.model(), resumed.fromUnits(),
                Instant.ofEpochSecond(firstDown.originTs()), Instant.ofEpochSecond(cooldownEnds));
        List<String> servedInRun2 = new ArrayList<>();
        for (PlanningJournal.Step x : run2) {
            if (servedInRun2.isEmpty() || !servedInRun2.get(servedInRun2.size() - 1).equals(x.model())) {
                servedInRun2.add(x.model());
            }
        }
        assertEquals(List.of(champion, candidate, champion), servedInRun2,
                "run 2 served the champion, the version promoted by hand, then the champion again after the rollback");
        List<PlanningJournal.Step> excerpt = new ArrayList<>(run1.subList(Math.max(0, byEts.size() - 2), Math.min(run1.size(),
                byEts.size() + 2)));
        excerpt.addAll(run1.subList(run1.size() - 1, run1.size()));
        excerpt.addAll(run2.subList(0, Math.min(2, run2.size())));
        excerpt.add(firstDown);
        for (PlanningJournal.Step x : excerpt) {
            System.out.printf(Locale.ROOT, "  journal %s %s %s: %.0f -> %.0f units, median %.1f, P95 %.1f; %s%n", x.runId(),
                    Instant.ofEpochSecond(x.originTs()), x.model(), x.fromUnits(), x.units(), x.median()[0], x.upper()[0], x.reason());
        }
    }

}
