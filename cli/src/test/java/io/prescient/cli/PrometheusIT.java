package io.prescient.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Prometheus server (Debian's package) scraping a small metrics endpoint every second, with
 * two days of the same series backfilled by promtool, and Prescient's planning loop reading it
 * through the HTTP API (range queries) and forecasting from it. Skipped when prometheus or promtool
 * is not installed ({@code .ci/run} installs them).
 */
class PrometheusIT {

    @TempDir
    static Path dir;

    static HttpServer exporter;
    static LocalPrometheus prometheus;
    static int prometheusPort;
    static int prescientPort;
    static Thread prescient;

    /** The shop's active users at a time: a daily cycle around 100, deterministic so backfill and scrapes agree. */
    static double users(long epochSecond) {
        double day = 2 * Math.PI * (epochSecond % 86_400) / 86_400.0;
        return 100 + 40 * Math.sin(day - Math.PI / 2);
    }

    /** The shop's requests a second: two per active user, plus a faster wave of their own. */
    static double demand(long epochSecond) {
        double day = 2 * Math.PI * (epochSecond % 86_400) / 86_400.0;
        return 2 * users(epochSecond) + 15 * Math.sin(7 * day);
    }

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(LocalPrometheus.installed(), "needs Debian's prometheus package (.ci/run installs it)");
        exporter = LocalPrometheus.exporter(() -> {
            long now = Instant.now().getEpochSecond();
            return String.format(Locale.ROOT, "# TYPE shop_requests_per_second gauge%nshop_requests_per_second %.3f%n"
                    + "# TYPE shop_active_users gauge%nshop_active_users %.3f%n", demand(now), users(now));
        });
        String target = "127.0.0.1:" + exporter.getAddress().getPort();
        long now = Instant.now().getEpochSecond();
        StringBuilder history = new StringBuilder("# TYPE shop_requests_per_second gauge\n");
        for (long t = now - 2 * 86_400 - 3600; t < now - 300; t += 60) {
            history.append(String.format(Locale.ROOT, "shop_requests_per_second{instance=\"%s\",job=\"shop\"} %.3f %d%n", target, demand(t), t));
        }
        history.append("# TYPE shop_active_users gauge\n");
        for (long t = now - 2 * 86_400 - 3600; t < now - 300; t += 60) {
            history.append(String.format(Locale.ROOT, "shop_active_users{instance=\"%s\",job=\"shop\"} %.3f %d%n", target, users(t), t));
        }
        history.append("# EOF\n");
        prescientPort = freePort();
        prescient = new Thread(() -> Main.run(new String[] {"serve", "--replay", "--config", Path.of("..", "samples", "prescient.yaml").toString(),
                "--no-store", "--port", String.valueOf(prescientPort), "--tick", "20ms", "--token", "integration-test-token", "--for", "3m"},
                Map.of("PRESCIENT_HOME", dir.resolve("home").toString()), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                "prescient-serve");
        prescient.setDaemon(true);
        prescient.start();
        prometheus = LocalPrometheus.start(dir, history.toString(), """
                  - job_name: shop
                    static_configs: [{targets: ['%s']}]
                  - job_name: prescient
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(target, prescientPort));
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

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + " failed:\n" + out);
    }

    @Test
    void theLoopForecastsAndPlansFromPrometheus() throws Exception {
        Path config = dir.resolve("prescient.yaml");
        Files.writeString(config, """
                source: {path: "http://127.0.0.1:%d", format: prometheus, freq: 5m, lookback: 2d}
                every: 3
                horizon: 12
                percentile: 0.95
                model: ensemble
                paths: 300
                actuator: {type: dry-run}
                capacity: {unit_capacity: 50, target_utilisation: 0.7, min_units: 1, max_units: 100}
                workloads:
                  - series: shop
                    query: sum(shop_requests_per_second)
                    covariates: {users: sum(shop_active_users)}
                monitor: {window: 12, min_coverage: 0.8}
                """.formatted(prometheusPort));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"run", "--config", config.toString(), "--store", dir.resolve("store.duckdb").toString()},
                Map.of("PRESCIENT_HOME", dir.resolve("home").toString()), new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, out + "\n" + err);
        Matcher m = Pattern.compile("shop/demand\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([0-9.]+)(?: [^\\s0-9]\\S*)?\\s+([0-9.]+)").matcher(out.toString());
        assertTrue(m.find(), out.toString());
        int rounds = Integer.parseInt(m.group(1));
        double mae = Double.parseDouble(m.group(4));
        double coverage = Double.parseDouble(m.group(5));
        System.out.printf(Locale.ROOT, "PrometheusIT: %d rounds, MAE %.2f req/s, P95 coverage %.3f%n", rounds, mae, coverage);
        assertTrue(rounds >= 90, "a day of 5-minute steps every 3 steps: " + rounds);
        assertTrue(mae < 15, "the daily cycle is learnt from two days of history (users read as a covariate beside it): MAE " + mae
                + "\n" + out);
        assertTrue(coverage >= 0.8, "P95 coverage " + coverage);
    }

    @Test
    void prometheusScrapesPrescientsForecastsAndPlans() throws Exception {
        io.prescient.io.prometheus.PrometheusClient client = new io.prescient.io.prometheus.PrometheusClient(
                URI.create("http://127.0.0.1:" + prometheusPort), io.prescient.io.prometheus.PrometheusClient.Settings.defaults());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int forecasts = 0;
        while (System.nanoTime() < deadline) {
            long now = Instant.now().getEpochSecond();
            List<io.prescient.io.prometheus.PrometheusClient.Series> f = client.queryRange(
                    "prescient_forecast{level=\"0.95\",horizon=\"12\"}", now - 30, now, 1);
            forecasts = f.size();
            if (forecasts == 4) {
                break;
            }
            Thread.sleep(1000);
        }
        assertEquals(4, forecasts, "a P95 forecast 12 steps ahead for each of the sample's four workloads");
        long now = Instant.now().getEpochSecond();
        assertEquals(1, client.queryRange("up{job=\"prescient\"}", now - 5, now, 1).size());
        assertTrue(client.queryRange("prescient_planned_capacity", now - 30, now, 1).size() >= 4);
    }

    @Test
    void aQueryPrometheusRejectsIsNamedInTheError() throws Exception {
        io.prescient.io.prometheus.PrometheusClient client = new io.prescient.io.prometheus.PrometheusClient(
                URI.create("http://127.0.0.1:" + prometheusPort), io.prescient.io.prometheus.PrometheusClient.Settings.defaults());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> client.queryRange("sum(", 0, 600, 60));
        assertTrue(e.getMessage().contains("sum(") && e.getMessage().contains("bad_data"), e.getMessage());
        List<io.prescient.io.prometheus.PrometheusClient.Series> live = client.queryRange("shop_requests_per_second",
                Instant.now().getEpochSecond() - 3 * 86_400, Instant.now().getEpochSecond(), 60);
        assertEquals(1, live.size());
        assertTrue(live.get(0).times().length > 2800, "backfilled history and scrapes: " + live.get(0).times().length);
        assertEquals(List.of("__name__", "instance", "job"), new ArrayList<>(live.get(0).labels().keySet()));
    }
}
