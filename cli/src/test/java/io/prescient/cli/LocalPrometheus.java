package io.prescient.cli;

import com.sun.net.httpserver.HttpServer;
import io.prescient.io.prometheus.PrometheusClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A real Prometheus (Debian's package) for the integration tests, on loopback: its TSDB backfilled by
 * promtool from an OpenMetrics history, scraping its targets every second, started once the job
 * {@code shop} is up. An exporter serves the test's own metrics to scrape.
 */
final class LocalPrometheus implements AutoCloseable {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private final Process process;
    private final int port;

    private LocalPrometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL);
    }

    /** An HTTP server on loopback answering {@code /metrics} with {@code body} (text exposition format). */
    static HttpServer exporter(Supplier<String> body) throws IOException {
        HttpServer exporter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        exporter.createContext("/metrics", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        exporter.start();
        return exporter;
    }

    /**
     * Backfills {@code dir/tsdb} with {@code history} (OpenMetrics, ending in {@code # EOF}) and starts
     * Prometheus over it with {@code scrapeConfigs} (the YAML list under {@code scrape_configs:}).
     */
    static LocalPrometheus start(Path dir, String history, String scrapeConfigs) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve("tsdb"));
        Path backfill = Files.writeString(dir.resolve("history.om"), history);
        PrometheusIT.run(List.of(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics", backfill.toString(), data.toString()));
        int port = PrometheusIT.freePort();
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                + "scrape_configs:\n" + scrapeConfigs);
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config, "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.retention.time=15d")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalPrometheus prometheus = new LocalPrometheus(process, port);
        PrometheusClient client = prometheus.client();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                long t = Instant.now().getEpochSecond();
                if (!client.queryRange("up{job=\"shop\"} == 1", t - 5, t, 1).isEmpty()) {
                    return prometheus;
                }
            } catch (RuntimeException notYet) {
                // starting
            }
            if (System.nanoTime() > deadline) {
                prometheus.close();
                throw new IllegalStateException("Prometheus did not scrape the exporter within 60 s; see " + log + ":\n"
                        + Files.readString(log));
            }
            Thread.sleep(500);
        }
    }

    int port() {
        return port;
    }

    PrometheusClient client() {
        return new PrometheusClient(URI.create("http://127.0.0.1:" + port), PrometheusClient.Settings.defaults());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
