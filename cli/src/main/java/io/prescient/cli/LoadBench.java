package io.prescient.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.server.load.LoadClient;
import io.prescient.server.load.LoadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code prescient bench load}: the read API of a running {@code prescient serve} under concurrent clients. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load test of a running server's read API: closed-loop clients on keep-alive connections over the fleet, "
                + "workload, forecast, action and accuracy endpoints; prints throughput, latency percentiles (overall and the "
                + "p99 per path) and errors; then sends malformed and oversized requests and checks that each gets a 4xx and "
                + "the server still answers; with a long --seconds, a soak: heap and loop rounds before and after, and the health gauges."})
public final class LoadBench implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    OutputOption output;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The server (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--clients", defaultValue = "200", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Seconds of load before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--workloads", defaultValue = "5", description = "Workloads whose pages are read (default: ${DEFAULT-VALUE}).")
    int workloads;

    /** What {@code --output json} prints: the load report, and the soak's gauges before and after. */
    record Report(int clients, int seconds, List<String> paths, LoadReport load, double heapBytesBefore, double heapBytesAfter,
                  double loopRoundsBefore, double loopRoundsAfter, double loopHealthy, double storeHealthy, boolean passed) {
    }

    @Override
    public Integer call() throws Exception {
        boolean json = output.json();
        PrintWriter out = spec.commandLine().getOut();
        List<String> paths = new ArrayList<>(List.of("/api/workloads", "/api/health", "/api/actions?limit=50", "/api/accuracy"));
        for (JsonNode w : workloadsOf(url)) {
            if (paths.size() >= 4 + 2 * workloads) {
                break;
            }
            paths.add("/api/workloads/" + w.get("name").asText());
            paths.add("/api/forecasts/" + w.get("name").asText());
        }
        if (!json) {
            out.printf(Locale.ROOT, "%d clients for %d s (after %d s warm-up) against %s over %d paths%n", clients, seconds, warmup, url,
                    paths.size());
            out.flush();
        }
        LoadClient client = new LoadClient(url, paths);
        double heapBefore = client.metric("prescient_jvm_memory_used_bytes");
        double roundsBefore = client.metric("prescient_loop_rounds_total");
        LoadReport r = client.run(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
        double heapAfter = client.metric("prescient_jvm_memory_used_bytes");
        double roundsAfter = client.metric("prescient_loop_rounds_total");
        boolean refusedWell = r.refusals().values().stream().allMatch(s -> s >= 400 && s < 500);
        boolean passed = r.errors() == 0 && r.upAfter() && refusedWell;
        if (json) {
            output.print(out, new Report(clients, seconds, paths, r, heapBefore, heapAfter, roundsBefore, roundsAfter,
                    client.metric("prescient_loop_healthy"), client.metric("prescient_store_healthy"), passed));
            return passed ? 0 : 1;
        }
        out.printf(Locale.ROOT, "%d requests, %.0f a second, %d errors; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms%n",
                r.requests(), r.perSecond(), r.errors(), r.p50Millis(), r.p95Millis(), r.p99Millis(), r.maxMillis());
        r.byPath().forEach((p, ms) -> out.printf(Locale.ROOT, "  p99 %8.2f ms  %s%n", ms, p.length() > 90 ? p.substring(0, 90) + "..." : p));
        out.println("bad requests:");
        r.refusals().forEach((what, status) -> out.printf("  %-45s -> %d%n", what.length() > 45 ? what.substring(0, 42) + "..." : what, status));
        out.println(r.upAfter() ? "the server still answers /api/health" : "THE SERVER DOES NOT ANSWER /api/health (or reports degraded)");
        out.printf(Locale.ROOT, "soak: heap in use %.0f MB before, %.0f MB after; loop rounds %.0f -> %.0f; loop healthy %.0f, store healthy %.0f%n",
                heapBefore / 1e6, heapAfter / 1e6, roundsBefore, roundsAfter, client.metric("prescient_loop_healthy"),
                client.metric("prescient_store_healthy"));
        return passed ? 0 : 1;
    }

    private static JsonNode workloadsOf(URI url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/api/workloads")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalArgumentException(url + "/api/workloads answered " + r.statusCode() + "; is prescient serve running there?");
        }
        return new ObjectMapper().readTree(r.body());
    }
}
