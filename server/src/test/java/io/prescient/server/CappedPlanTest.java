package io.prescient.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.plan.config.LoopConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workload whose demand needs more than max_units is shown as capped with its shortfall, not as ok. */
class CappedPlanTest {

    @Test
    void aPlanHeldBelowItsDemandByTheMaximumIsCappedWithItsShortfallInTheApiAndMetrics(@TempDir Path dir) throws Exception {
        // 500 units of 0.2 at 70% serve 70 req/s; the demand is about 100 +- 50
        LoopConfig config = TestServers.config(dir, "requests", 0.2);
        try (Serve serve = Serve.start(new Serve.Options(TestServers.assembly(dir, config), TestServers.synthetic(1, 3), 0,
                Optional.empty(), Optional.empty(), 0.5, List.of("ensemble")), TestServers.settings(1000, 50), d -> { }, line -> { })) {
            serve.loop().awaitEnd(120_000);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode w = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(serve.server().url() + "/api/workloads"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).get(0);
            assertEquals("capped", w.get("status").asText(), w.toString());
            assertTrue(w.get("capped_steps").asInt() > 0 && w.get("shortfall").asDouble() > 10, w.toString());
            assertEquals(500, w.get("units").asDouble(), w.toString());
            assertTrue(w.get("reason").asText().contains("CAPPED: max_units 500 leaves up to"), w.get("reason").asText());
            String metrics = http.send(HttpRequest.newBuilder(URI.create(serve.server().url() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String line = metrics.lines().filter(l -> l.startsWith("prescient_plan_shortfall{")).findFirst().orElseThrow();
            assertTrue(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) > 10, line);
        }
    }
}
