package io.prescient.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.core.Panel;
import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.registry.ModelLifecycle;
import io.prescient.forecast.registry.ModelTrainer;
import io.prescient.io.duckdb.DuckDbStore;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.loop.ModelWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A champion changed through the API while {@code serve} holds the store (a DuckDB file takes one
 * writer, so {@code prescient model rollback --server} comes this way): the running loop serves the
 * restored champion from its next round, and the journal names it.
 */
class ModelDecisionRoutesTest {

    static final String WORKLOAD = "svc-0/requests";

    @Test
    void aRollbackThroughTheApiServesFromTheNextRound(@TempDir Path dir) throws Exception {
        Path panels = Files.createDirectories(dir.resolve("panels"));
        long end = Instant.now().getEpochSecond() / 300 * 300;
        StringBuilder csv = new StringBuilder("series_id,timestamp,requests\n");
        for (long t = end - 2 * 86_400; t <= end; t += 300) {
            csv.append("svc-0,").append(Instant.ofEpochSecond(t)).append(',').append(String.format(Locale.ROOT, "%.1f",
                    200 + 80 * Math.sin(2 * Math.PI * (t % 86_400) / 86_400.0) + (t / 300 % 7))).append('\n');
        }
        Files.writeString(panels.resolve("requests.csv"), csv);
        LoopConfig config = TestServers.config(dir, "requests", 50);
        try (SeriesStore store = DuckDbStore.open(dir.resolve("s.duckdb"), false)) {
            LoopAssembly assembly = new LoopAssembly(config, dir.resolve("prescient.yaml"), Map.of(), Optional.of(store));
            Panel history = assembly.read(end, 1).get("requests");
            String scope = ModelWatch.scope(WORKLOAD);
            ModelTrainer trainer = new ModelTrainer(new ModelTrainer.Settings(300, 288, 24, 2, 1), Clock.systemUTC());
            String first = register(store, trainer.train("seasonal-naive", scope, List.of(history), Map.of("command", "test")));
            String second = register(store, trainer.train("naive", scope, List.of(history), Map.of("command", "test")));
            ModelLifecycle lifecycle = new ModelLifecycle(store.models(), Clock.systemUTC());
            lifecycle.promote(first, "test: the first champion");
            lifecycle.promote(second, "test: replaced");
            try (Serve serve = Serve.start(new Serve.Options(assembly, new Serve.Live(200, 1), Optional.empty(), Optional.empty(), 0.5,
                    List.of("naive")), TestServers.settings(1000, 50), d -> { }, line -> { })) {
                String url = serve.server().url();
                awaitModel(url, second, "the promoted champion serves");
                assertEquals(401, post(url, "/api/models/rollback", "{\"scope\":\"" + scope + "\"}", false).statusCode());
                assertEquals(404, post(url, "/api/models/promote", "{\"version\":\"no-such-version\"}", true).statusCode());
                assertEquals(400, post(url, "/api/models/rollback", "{}", true).statusCode());
                HttpResponse<String> r = post(url, "/api/models/rollback", "{\"scope\":\"" + scope + "\",\"reason\":\"bad week\"}", true);
                assertEquals(200, r.statusCode(), r.body());
                JsonNode decision = new ObjectMapper().readTree(r.body());
                assertEquals("ROLLBACK", decision.get("kind").asText());
                assertEquals(first, decision.get("champion").asText());
                long rounds = serve.state().roundsDone();
                awaitModel(url, first, "the restored champion serves");
                assertTrue(serve.state().roundsDone() <= rounds + 3, "from the next round or so (200 ms rounds, 50 ms polls): " + rounds + " -> " + serve.state().roundsDone());
                HttpResponse<String> again = post(url, "/api/models/promote", "{\"version\":\"" + first + "\"}", true);
                assertEquals(409, again.statusCode(), "already the champion: " + again.body());
            }
            assertEquals(first, store.journal().latest(WORKLOAD).orElseThrow().model(), "the journal names the restored champion");
        }
    }

    static String register(SeriesStore store, ModelTrainer.Trained t) {
        store.models().register(t.version(), t.artifact().toBytes());
        return t.version().id();
    }

    static HttpResponse<String> post(String url, String path, String body, boolean token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token) {
            b.header("Authorization", "Bearer " + TestServers.TOKEN);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void awaitModel(String url, String model, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        String last = null;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/workloads/" + WORKLOAD))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                last = new ObjectMapper().readTree(r.body()).path("model").asText();
                if (model.equals(last)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("within 60 s: " + what + " (" + model + "); last seen " + last);
    }
}
