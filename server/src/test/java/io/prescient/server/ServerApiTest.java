package io.prescient.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.experts.ab.AbTest;
import io.prescient.experiment.Effect;
import io.prescient.experts.recommend.AuditLog;
import io.prescient.experts.recommend.Recommendation;
import io.prescient.plan.config.LoopConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API, /metrics and /openapi.yaml against a server running the loop over synthetic workloads.
 * The rate-limit test runs last: it empties the writes bucket.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerApiTest {

    @TempDir
    static Path dir;

    static Serve serve;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        new AuditLog(fleet.resolve("recommendations.jsonl")).proposed(new Recommendation("a1/vm1->c6i.large", "a1", "vm1", "production",
                "m6i.xlarge", "c6i.large", 70.08, 0.12, 0.3, 0.4, 0, 0.01, 20, 14, 0.9, "vm1 on m6i.xlarge: downsize."), Instant.now());
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        json.writeValue(experiments.resolve("ab.json").toFile(), new AbTest.Report(50, 50, 14, 1, 3.47, true,
                List.of(new Effect("cost_change", -0.2, -0.3, -0.1, -0.29, -0.12, -6, -0.21))));
        LoopConfig config = TestServers.config(dir, "requests", 50);
        serve = Serve.start(new Serve.Options(TestServers.assembly(dir, config), TestServers.synthetic(3, 7), 0,
                Optional.of(fleet), Optional.of(experiments), 0.5, List.of("ensemble")), TestServers.settings(1000, 50), d -> { }, line -> { });
        serve.loop().awaitEnd(120_000);
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(serve.server().url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body, boolean token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(serve.server().url() + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token) {
            b.header("Authorization", "Bearer " + TestServers.TOKEN);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLoopRanAndEveryWorkloadHasAForecastFanAndAPlan() throws Exception {
        assertTrue(serve.state().finished());
        JsonNode ws = json.readTree(get("/api/workloads").body());
        assertEquals(3, ws.size());
        for (JsonNode w : ws) {
            assertEquals(48, w.get("rounds").asInt(), w.toString());
            JsonNode d = json.readTree(get("/api/workloads/" + w.get("name").asText()).body());
            JsonNode q = d.get("forecast").get("quantiles");
            assertEquals(7, q.size());
            for (int h = 0; h < 24; h++) {
                for (int i = 1; i < 7; i++) {
                    assertTrue(q.get(i).get(h).asDouble() >= q.get(i - 1).get(h).asDouble(), "quantiles cross at step " + h);
                }
            }
            assertEquals(24, d.get("plan").get("capacity").size());
            assertTrue(d.get("coverage").asDouble() > 0.5, d.toString());
        }
        JsonNode acc = json.readTree(get("/api/accuracy").body());
        assertTrue(acc.get(0).get("calibration_points").asLong() > 100);
        assertEquals(10, json.readTree(get("/api/actions?limit=10").body()).size());
    }

    @Test
    void whatIfNeedsTheTokenAndSizesForTheScenarios() throws Exception {
        String name = json.readTree(get("/api/workloads").body()).get(0).get("name").asText();
        String body = json.writeValueAsString(Map.of("workload", name, "paths", 300, "scenarios", """
                name: double
                scenarios:
                  - name: campaign
                    type: event
                    from: 2013-08-01T00:00:00Z
                    to: 2013-09-01T00:00:00Z
                    multiplier: 2
                """));
        assertEquals(401, post("/api/whatif", body, false).statusCode());
        HttpResponse<String> r = post("/api/whatif", body, true);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode w = json.readTree(r.body());
        double base = 0;
        double alt = 0;
        for (int h = 0; h < 24; h++) {
            base += w.get("baselineCapacity").get(h).asDouble();
            alt += w.get("alternativeCapacity").get(h).asDouble();
        }
        assertTrue(alt > 1.5 * base, "doubling demand should need much more capacity: " + base + " vs " + alt);
        assertTrue(w.get("riskOfKeeping").asDouble() > 0.5);
    }

    /** The feedback what-if: the token, the equilibrium under a stronger market below the demand planned, and bad input refused. */
    @Test
    void feedbackEquilibriumWhatIf() throws Exception {
        String body = json.writeValueAsString(Map.of("market", 1.3, "launches", List.of("2027-01-05=3000:search")));
        assertEquals(401, post("/api/feedback/equilibrium", body, false).statusCode());
        HttpResponse<String> r = post("/api/feedback/equilibrium", body, true);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode e = json.readTree(r.body());
        assertEquals(30, e.get("equilibrium").size());
        assertTrue(e.get("unconstrained").get(20).asDouble() > e.get("equilibrium").get(20).asDouble(), r.body());
        assertTrue(e.get("p10").get(20).asDouble() <= e.get("p90").get(20).asDouble(), r.body());
        HttpResponse<String> bad = post("/api/feedback/equilibrium", "{\"market\": -1}", true);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("'market' must be between"), bad.body());
        HttpResponse<String> launch = post("/api/feedback/equilibrium", "{\"launches\": [\"soon=big\"]}", true);
        assertEquals(400, launch.statusCode());
        assertTrue(launch.body().contains("date=size"), launch.body());
    }

    /** An A/B test on real units analysed through the API: the token, an effect found, a bad outcome row named. */
    @Test
    void experimentAnalysisOfRealUnits() throws Exception {
        StringBuilder assignment = new StringBuilder("unit,arm,stratum\n");
        StringBuilder outcomes = new StringBuilder("unit,look,metric,value\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int i = 0; i < 40; i++) {
            boolean treated = i % 2 == 0;
            assignment.append("pool-").append(i).append(treated ? ",treatment," : ",control,").append(i).append('\n');
            outcomes.append("pool-").append(i).append(",1,cost_change,").append((treated ? -0.2 : 0) + 0.05 * r.nextGaussian()).append('\n');
        }
        String body = json.writeValueAsString(Map.of("assignment", assignment.toString(), "outcomes", outcomes.toString(),
                "metric", "cost_change", "looks", 3, "name", "policy-ab"));
        assertEquals(401, post("/api/experiments/analyse", body, false).statusCode());
        HttpResponse<String> ok = post("/api/experiments/analyse", body, true);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("STOP_EFFECT", json.readTree(ok.body()).get("decision").asText(), ok.body());
        HttpResponse<String> bad = post("/api/experiments/analyse", json.writeValueAsString(Map.of("assignment", assignment.toString(),
                "outcomes", "unit,look,metric,value\npool-1,x,cost_change,1\n", "metric", "cost_change")), true);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("request field 'outcomes' line 2, field 'look'"), bad.body());
    }

    @Test
    void badRequestsGet4xxWithAMessageAndTheServerStaysUp() throws Exception {
        String name = json.readTree(get("/api/workloads").body()).get(0).get("name").asText();
        assertEquals(400, post("/api/whatif", "{not json", true).statusCode());
        assertEquals(400, post("/api/whatif", "[1,2]", true).statusCode());
        HttpResponse<String> missing = post("/api/whatif", "{}", true);
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("'workload' is required"), missing.body());
        HttpResponse<String> bad = post("/api/whatif", json.writeValueAsString(Map.of("workload", name, "paths", 10)), true);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("'paths' must be between"), bad.body());
        HttpResponse<String> yaml = post("/api/whatif", json.writeValueAsString(Map.of("workload", name, "scenarios",
                "scenarios:\n  - name: x\n    type: spike\n    per_day: many\n")), true);
        assertEquals(400, yaml.statusCode());
        assertTrue(yaml.body().contains("per_day"), yaml.body());
        for (int size : new int[] {20_000, 200_000, 900_000}) {
            for (int i = 0; i < 5; i++) {
                assertEquals(413, post("/api/whatif", "{\"workload\": \"" + "x".repeat(size) + "\"}", true).statusCode(),
                        "a client sending " + size + " bytes receives the refusal");
            }
        }
        assertEquals(404, get("/api/workloads/no/such").statusCode());
        assertEquals(400, get("/api/actions?limit=-3").statusCode());
        assertEquals(404, get("/api/nothing-here").statusCode());
        assertEquals(200, get("/api/health").statusCode());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void writesAreRateLimitedPerClient() throws Exception {
        int refused = 0;
        for (int i = 0; i < 600; i++) {
            refused += post("/api/whatif", "{}", true).statusCode() == 429 ? 1 : 0;
        }
        assertTrue(refused > 0, "600 writes at once must exceed 50 a second (burst 100)");
        Thread.sleep(2500);
        assertEquals(400, post("/api/whatif", "{}", true).statusCode(), "the bucket refills");
    }

    @Test
    void recommendationsAreDecidedOnceAndExperimentsListed() throws Exception {
        JsonNode recs = json.readTree(get("/api/recommendations").body()).get("recommendations");
        assertEquals(1, recs.size());
        assertEquals("proposed", recs.get(0).get("status").asText());
        String id = json.writeValueAsString(Map.of("id", "a1/vm1->c6i.large", "by", "test"));
        assertEquals(401, post("/api/recommendations/accept", id, false).statusCode());
        assertEquals(200, post("/api/recommendations/accept", id, true).statusCode());
        assertEquals(409, post("/api/recommendations/reject", id, true).statusCode());
        assertEquals(404, post("/api/recommendations/accept", json.writeValueAsString(Map.of("id", "nope")), true).statusCode());
        assertEquals("accepted", json.readTree(get("/api/recommendations").body()).get("recommendations").get(0).get("status").asText());
        JsonNode ab = json.readTree(get("/api/experiments").body()).get("experiments");
        assertEquals(1, ab.size());
        assertEquals(-0.2, ab.get(0).get("effects").get(0).get("estimate").asDouble(), 1e-12);
    }

    @Test
    void metricsAreOpenMetricsWithForecastsByQuantileAndHorizon() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(serve.server().url() + "/metrics"))
                .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        String text = r.body();
        assertTrue(text.endsWith("# EOF\n"));
        assertTrue(text.contains("prescient_up 1"));
        assertTrue(text.contains("# TYPE prescient_loop_rounds counter\n") && text.contains("\nprescient_loop_rounds_total "), text);
        assertTrue(text.contains("prescient_forecast{workload=\"svc-0/requests\",level=\"0.95\",horizon=\"12\"}"), text);
        assertTrue(text.contains("prescient_planned_capacity{workload=\"svc-2/requests\",horizon=\"24\"}"));
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("#") || line.matches("[a-z_]+(\\{[^}]*\\})? [-+0-9.eEInfNa]+"), "not OpenMetrics: " + line);
        }
    }

    @Test
    void metricsInTheTextFormatPassPromtoolCheckMetrics() throws Exception {
        assertEquals(200, get("/api/feedback").statusCode(), "with the feedback figures too");
        HttpResponse<String> r = get("/metrics");
        assertTrue(r.body().contains("prescient_feedback_loop_strength"), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertFalse(r.body().contains("# EOF"));
        java.util.Optional<Path> promtool = java.util.stream.Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(promtool.isPresent(), "promtool is not installed (Debian package prometheus; "
                + ".ci/run installs it): skipping the lint");
        Process p = new ProcessBuilder(promtool.get().toString(), "check", "metrics").redirectErrorStream(true).start();
        try (java.io.OutputStream in = p.getOutputStream()) {
            in.write(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("", out.strip(), "promtool check metrics has nothing to say");
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void theGrafanaDashboardOnlyQueriesMetricsTheServerExposes() throws Exception {
        assertEquals(200, get("/api/feedback").statusCode(), "the feedback figures appear once analysed");
        String metrics = get("/metrics").body();
        JsonNode dashboard = json.readTree(Path.of("..", "grafana", "prescient-dashboard.json").toFile());
        int queries = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("prescient_[a-z_]+").matcher(target.get("expr").asText());
                while (m.find()) {
                    String name = m.group();
                    assertTrue(metrics.contains("\n" + name + " ") || metrics.contains("\n" + name + "{"),
                            "panel '" + panel.get("title").asText() + "' queries " + name + ", which /metrics does not expose");
                    queries++;
                }
            }
        }
        assertTrue(queries >= 10);
    }

    @Test
    void theOpenApiFileDocumentsEveryRoute() throws Exception {
        HttpResponse<String> r = get("/openapi.yaml");
        assertEquals(200, r.statusCode());
        Map<String, Object> doc = new Yaml().load(r.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        for (String p : List.of("/api/health", "/api/fleet", "/api/workloads", "/api/workloads/{item}/{metric}", "/api/series/{item}/{metric}",
                "/api/forecasts/{item}/{metric}", "/api/plans/{item}/{metric}", "/api/actions", "/api/accuracy", "/api/models", "/api/models/{action}",
                "/api/scenarios", "/api/whatif", "/api/feedback", "/api/feedback/equilibrium", "/api/recommendations", "/api/recommendations/{decision}",
                "/api/experiments", "/api/experiments/analyse", "/metrics")) {
            assertTrue(paths.containsKey(p), "openapi.yaml lacks " + p);
        }
        assertFalse(get("/api/scenarios").body().isBlank());
    }
}
