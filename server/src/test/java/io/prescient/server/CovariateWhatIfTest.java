package io.prescient.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.plan.config.LoopConfigFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The what-if API on a workload whose model reads a covariate: requests follow active users (twice
 * them), the loop plans with the dynamic regression on users, and a what-if that doubles the users
 * for an hour raises the P95 in that hour through the model (and only there); a plain demand
 * scenario is answered too.
 */
class CovariateWhatIfTest {

    @TempDir
    static Path dir;

    static Serve serve;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();
    static final TimeGrid GRID = new TimeGrid(1_375_315_200L, 300, 6 * 288);

    @BeforeAll
    static void start() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        double[] users = new double[GRID.length()];
        double[] requests = new double[GRID.length()];
        for (int t = 0; t < users.length; t++) {
            users[t] = 500 * (1 + 0.4 * Math.sin(2 * Math.PI * (t % 288) / 288.0)) * (r.nextDouble() < 0.05 ? 1.4 : 1) + r.nextGaussian() * 5;
            requests[t] = 2 * users[t] + r.nextGaussian() * 10;
        }
        Unit count = new Unit("1", "count", true);
        Map<String, Panel> panels = Map.of(
                "requests", Panel.aligned(List.of(new RegularSeries(new SeriesInfo(new SeriesKey("d", "shop", "requests"), count, Map.of()), GRID, requests))),
                "users", Panel.aligned(List.of(new RegularSeries(new SeriesInfo(new SeriesKey("d", "shop", "users"), count, Map.of()), GRID, users))));
        Path file = dir.resolve("prescient.yaml");
        Files.writeString(file, """
                source: {path: panels, format: csv, freq: 5m}
                every: 12
                horizon: 24
                percentile: 0.95
                model: dynreg
                paths: 500
                actuator: {type: dry-run}
                capacity: {unit_capacity: 100, target_utilisation: 0.7, min_units: 1, max_units: 500, max_step: 50, cooldown: 6, lead: 2}
                workloads:
                  - series: shop
                    metric: requests
                    covariates: {users: users}
                monitor: {window: 12, min_coverage: 0.8}
                """);
        serve = Serve.start(new Serve.Options(new io.prescient.plan.LoopAssembly(LoopConfigFile.read(file), file, Map.of(), Optional.empty()),
                panels, 0, Optional.empty(), Optional.empty(), 0.5, List.of()), TestServers.settings(1000, 50), d -> { }, line -> { });
        serve.loop().awaitEnd(120_000);
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    static JsonNode whatIf(String scenarios) throws Exception {
        String body = json.writeValueAsString(Map.of("workload", "shop/requests", "paths", 2000, "scenarios", scenarios));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(serve.server().url() + "/api/whatif"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestServers.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    @Test
    void doublingTheUsersForAnHourRaisesThatHoursP95ThroughTheModel() throws Exception {
        long origin = serve.loop().latest("shop/requests").orElseThrow().seen().grid().end();
        Instant from = Instant.ofEpochSecond(origin + 6 * 300);
        JsonNode w = whatIf("""
                name: campaign
                scenarios:
                  - name: users double
                    type: event
                    target: users
                    from: %s
                    to: %s
                    multiplier: 2
                """.formatted(from, from.plusSeconds(3600)));
        for (int h = 0; h < 24; h++) {
            double base = w.get("baseline").get(3).get(h).asDouble();
            double alt = w.get("alternative").get(3).get(h).asDouble();
            if (h >= 6 && h < 18) {
                assertTrue(alt > 1.6 * base && alt < 2.4 * base, "step " + h + " in the campaign hour: P95 " + base + " -> " + alt);
            } else {
                assertEquals(base, alt, 1e-9 * base, "step " + h + " outside the campaign");
            }
        }
        JsonNode spike = whatIf("""
                name: demand
                scenarios:
                  - name: everything doubles
                    type: event
                    from: 2013-08-01T00:00:00Z
                    to: 2013-09-01T00:00:00Z
                    multiplier: 2
                """);
        assertTrue(spike.get("extraUnitHours").asDouble() > 0, "a demand scenario on a model that reads covariates is answered: " + spike);
    }
}
