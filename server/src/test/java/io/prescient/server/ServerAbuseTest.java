package io.prescient.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.plan.config.LoopConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server under abuse, on loopback and bounded in time: a flood of distinct query strings, 106
 * connections that stall (unfinished headers, or pipelined requests whose answers are never read),
 * anonymous traffic at the rate limit, deep JSON, a foreign Host and Origin. The
 * authenticated operator keeps its latency and the loop keeps planning.
 */
class ServerAbuseTest {

    @TempDir
    static Path dir;

    static Serve serve;
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        LoopConfig config = TestServers.config(dir, "requests", 50);
        // a replay slow enough to still be planning while the abuse runs
        serve = Serve.start(new Serve.Options(TestServers.assembly(dir, config), TestServers.synthetic(3, 7), 400,
                Optional.empty(), Optional.empty(), 0.5, List.of("ensemble")), TestServers.settings(100, 5), d -> { }, line -> { });
        long deadline = System.currentTimeMillis() + 60_000;
        while (serve.state().roundsDone() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    private static String url(String path) {
        return serve.server().url() + path;
    }

    /** Writes a raw request and returns the status line and headers (the test sets Host itself). */
    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", serve.server().port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readNBytes(4096), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void floodsStalledClientsAndAnonymousTrafficLeaveTheOperatorFastAndTheLoopPlanning() throws Exception {
        String workload = serve.state().workloads().get(0).name();
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 106; i++) {
            // six that never finish their headers, a hundred that pipeline requests for a workload and never read the answers
            Socket s = new Socket();
            s.setReceiveBufferSize(1024);
            s.connect(new java.net.InetSocketAddress("127.0.0.1", serve.server().port()));
            OutputStream out = s.getOutputStream();
            out.write((i < 6 ? "GET /api/workloads HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " : "GET /api/workloads/" + workload
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").repeat(i < 6 ? 1 : 200).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            stalled.add(s);
        }
        long roundsBefore = serve.state().roundsDone();
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger anonymous = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int clients = 8;
        AtomicInteger done = new AtomicInteger();
        ExecutorService flood = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            flood.submit(() -> {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                for (int i = 0; flooding.get() && i < 10_000 / clients; i++) {
                    String path = i % 10 == 0 ? "/metrics" : "/api/workloads/" + workload + "?flood=" + client + "-" + i;
                    try {
                        int status = http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        anonymous.incrementAndGet();
                        if (status == 429) {
                            limited.incrementAndGet();
                        } else if (status != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                done.incrementAndGet();
                return null;
            });
        }
        HttpClient operator = HttpClient.newHttpClient();
        long[] latencies = new long[2000];
        int operatorLimited = 0;
        long floodStart = System.nanoTime();
        int calls = 0;
        for (int i = 0; i < latencies.length && (done.get() < clients || i < 200); i++, calls++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = operator.send(HttpRequest.newBuilder(URI.create(url("/api/workloads")))
                    .header("Authorization", "Bearer " + TestServers.TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray());
            latencies[i] = System.nanoTime() - t0;
            operatorLimited += r.statusCode() == 429 ? 1 : 0;
            assertTrue(r.statusCode() == 200 || r.statusCode() == 429, "operator got " + r.statusCode());
            Thread.sleep(15);
        }
        double seconds = (System.nanoTime() - floodStart) / 1e9;
        flooding.set(false);
        flood.shutdown();
        assertTrue(flood.awaitTermination(60, TimeUnit.SECONDS));
        for (Socket s : stalled) {
            s.close();
        }
        long[] measured = Arrays.copyOf(latencies, calls);
        Arrays.sort(measured);
        double p50 = measured[measured.length / 2] / 1e6;
        double p99 = measured[(int) Math.ceil(measured.length * 0.99) - 1] / 1e6;
        System.out.printf(Locale.ROOT, "abuse: %d anonymous requests in %.1f s (%.0f/s), %d limited, %d failed; operator p50 %.1f ms, "
                + "p99 %.1f ms over %d calls, %d limited; rounds %d -> %d%n", anonymous.get(), seconds, anonymous.get() / seconds, limited.get(),
                failed.get(), p50, p99, calls, operatorLimited, roundsBefore, serve.state().roundsDone());
        assertEquals(0, operatorLimited, "anonymous traffic never spends the operator's budget");
        // a starved operator waits seconds (the flood's requests queue for up to 10 s); the latency figures themselves are
        // measured and reported in docs/benchmarks.md (p99 37 ms there), not held here: a loaded 2-core CI machine saw 222 ms
        assertTrue(p99 < 1000, "the operator is not starved: p99 " + p99 + " ms");
        assertTrue(limited.get() > 0, "the anonymous flood was rate-limited");
        assertEquals(10_000, anonymous.get(), "the whole flood of distinct query strings was answered");
        assertEquals(0, failed.get(), "every anonymous request got a 200 or a 429");
        assertTrue(serve.state().roundsDone() > roundsBefore, "the loop kept planning");
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
    }

    @Test
    void deepJsonGetsA400WithoutInternalsAndEveryResponseCarriesSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String deep = "{\"workload\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/whatif"))).POST(HttpRequest.BodyPublishers.ofString(deep))
                .header("Authorization", "Bearer " + TestServers.TOKEN).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        JsonNode body = json.readTree(r.body());
        assertTrue(body.get("error").asText().contains("nests deeper than"), r.body());
        assertFalse(r.body().contains("com.fasterxml") || r.body().contains("Exception") || r.body().contains("java."), r.body());

        for (String path : List.of("/", "/api/health", "/api/nothing-here", "/metrics")) {
            HttpResponse<String> any = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(any.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), path);
            assertEquals("nosniff", any.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", any.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("no-referrer", any.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(url("/api/nothing-here"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertTrue(json.readTree(missing.body()).has("error"), "an unknown endpoint gets a JSON error: " + missing.body());
    }

    @Test
    void aForeignHostOrOriginIsRefused() throws Exception {
        String rebinding = raw("GET /api/workloads HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
        assertTrue(rebinding.startsWith("HTTP/1.1 403"), rebinding);
        String local = raw("GET /api/health HTTP/1.1\r\nHost: localhost:" + serve.server().port() + "\r\nConnection: close\r\n\r\n");
        assertTrue(local.startsWith("HTTP/1.1 200"), local);
        String body = "{\"workload\": \"x\"}";
        String crossSite = raw("POST /api/whatif HTTP/1.1\r\nHost: 127.0.0.1:" + serve.server().port() + "\r\nOrigin: https://attacker.example"
                + "\r\nAuthorization: Bearer " + TestServers.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(crossSite.startsWith("HTTP/1.1 403"), crossSite);
    }
}
