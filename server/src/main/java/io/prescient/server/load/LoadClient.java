package io.prescient.server.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the read API with {@code clients} concurrent clients (threads sharing one HTTP client, which
 * keeps a keep-alive connection per concurrent request), each sending the next request as soon as the last one is answered (closed loop), round-robin over the
 * paths, for a fixed time after a warm-up. Then sends malformed and oversized requests and checks
 * that each gets a 4xx and that the server still answers.
 */
public final class LoadClient {

    private final URI base;
    private final List<String> paths;

    public LoadClient(URI base, List<String> paths) {
        this.base = base;
        this.paths = List.copyOf(paths);
    }

    public LoadReport run(int clients, Duration warmUp, Duration measured) throws InterruptedException {
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + measured.toNanos();
        long[][] latencies = new long[clients][];
        int[][] pathOf = new int[clients][];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        for (int c = 0; c < clients; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                long[] lat = new long[1 << 14];
                int[] which = new int[1 << 14];
                int n = 0;
                int k = id;
                try {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end) {
                            break;
                        }
                        int p = k++ % paths.size();
                        HttpRequest request = HttpRequest.newBuilder(base.resolve(paths.get(p))).timeout(Duration.ofSeconds(10)).build();
                        long sent = System.nanoTime();
                        boolean ok;
                        try {
                            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            ok = r.statusCode() == 200;
                        } catch (IOException e) {
                            ok = false;
                        }
                        long took = System.nanoTime() - sent;
                        if (sent >= start) {
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, 2 * n);
                                which = Arrays.copyOf(which, 2 * n);
                            }
                            lat[n] = took;
                            which[n++] = p;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies[id] = Arrays.copyOf(lat, n);
                    pathOf[id] = Arrays.copyOf(which, n);
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        long total = Arrays.stream(latencies).mapToLong(l -> l.length).sum();
        long[] all = new long[(int) total];
        List<List<Long>> perPath = new ArrayList<>();
        paths.forEach(p -> perPath.add(new ArrayList<>()));
        int i = 0;
        for (int c = 0; c < clients; c++) {
            for (int j = 0; j < latencies[c].length; j++) {
                all[i++] = latencies[c][j];
                perPath.get(pathOf[c][j]).add(latencies[c][j]);
            }
        }
        Arrays.sort(all);
        Map<String, Double> byPath = new LinkedHashMap<>();
        for (int p = 0; p < paths.size(); p++) {
            long[] x = perPath.get(p).stream().mapToLong(Long::longValue).sorted().toArray();
            byPath.put(paths.get(p), millis(x, 0.99));
        }
        Map<String, Integer> refusals = refusals();
        boolean up = status("GET", "/api/health", null, Map.of()) == 200;
        return new LoadReport(clients, measured.toNanos() / 1e9, total, errors.get(), millis(all, 0.5), millis(all, 0.95), millis(all, 0.99),
                all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6, byPath, refusals, up);
    }

    /** A sample of the server's {@code /metrics} without labels (the heap, loop rounds, health gauges), NaN when absent. */
    public double metric(String name) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            String text = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
                    .findFirst().orElse(Double.NaN);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Malformed and oversized requests, each with the status the server gave. */
    private Map<String, Integer> refusals() throws InterruptedException {
        Map<String, Integer> out = new LinkedHashMap<>();
        Map<String, String> json = Map.of("Content-Type", "application/json");
        out.put("POST /api/whatif without a token", status("POST", "/api/whatif", "{}", json));
        out.put("POST /api/whatif with a bad token", status("POST", "/api/whatif", "{}", Map.of("Authorization", "Bearer wrong")));
        out.put("GET /api/actions?limit=oops", status("GET", "/api/actions?limit=oops", null, Map.of()));
        out.put("GET /api/workloads/no/such", status("GET", "/api/workloads/no/such", null, Map.of()));
        out.put("POST 1 MB body", status("POST", "/api/whatif", "x".repeat(1 << 20), json));
        out.put("GET /api/" + "a".repeat(9000), status("GET", "/api/" + "a".repeat(9000), null, Map.of()));
        out.put("POST JSON nested 5,000 deep", status("POST", "/api/whatif", "[".repeat(5000) + "]".repeat(5000), json));
        return out;
    }

    private int status(String method, String path, String body, Map<String, String> headers) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static double millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
