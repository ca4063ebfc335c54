package io.prescient.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesKey;
import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.SeriesStore;
import io.prescient.core.store.StoreException;
import io.prescient.core.store.StoredSeries;
import io.prescient.core.store.WriteOutcome;
import io.prescient.io.duckdb.DuckDbStore;
import io.prescient.io.jdbc.JdbcStore;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.config.LoopConfig;
import io.prescient.server.state.FleetState;
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
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve} live on a DuckDB store whose writes start failing (a full disk or a read-only file
 * system, injected), then recover, then whose file is deleted: health turns degraded within a round,
 * the loop holds with the reason and keeps running, nothing committed is lost, and it resumes.
 */
class StoreFaultServeTest {

    /** The store with journal writes that fail while {@code failing} is set. */
    private static final class FaultyStore implements SeriesStore {
        final JdbcStore store;
        volatile boolean failing;

        FaultyStore(JdbcStore store) {
            this.store = store;
        }

        @Override
        public WriteOutcome write(List<RegularSeries> series, String source, boolean replace) {
            return store.write(series, source, replace);
        }

        @Override
        public List<StoredSeries> list() {
            return store.list();
        }

        @Override
        public List<StoredSeries> list(String dataset) {
            return store.list(dataset);
        }

        @Override
        public Optional<StoredSeries> find(SeriesKey key) {
            return store.find(key);
        }

        @Override
        public RegularSeries load(SeriesKey key) {
            return store.load(key);
        }

        @Override
        public List<String> datasets() {
            return store.datasets();
        }

        @Override
        public ModelRegistry models() {
            return store.models();
        }

        @Override
        public PlanningJournal journal() {
            PlanningJournal j = store.journal();
            return new PlanningJournal() {
                @Override
                public void record(Step step) {
                    if (failing) {
                        throw new StoreException("IO Error: No space left on device writing " + store.location());
                    }
                    j.record(step);
                }

                @Override
                public void actuated(Step step, Actuation outcome, String detail) {
                    if (failing) {
                        throw new StoreException("IO Error: No space left on device writing " + store.location());
                    }
                    j.actuated(step, outcome, detail);
                }

                @Override
                public List<Step> steps(String runId) {
                    return j.steps(runId);
                }

                @Override
                public Optional<Step> latest(String workload) {
                    return j.latest(workload);
                }

                @Override
                public Optional<Step> latestChange(String workload) {
                    return j.latestChange(workload);
                }

                @Override
                public List<Step> recent(String workload, int limit) {
                    return j.recent(workload, limit);
                }
            };
        }

        @Override
        public String location() {
            return store.location();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private static JsonNode health(Serve serve, int[] status) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serve.server().url() + "/api/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        status[0] = r.statusCode();
        return new ObjectMapper().readTree(r.body());
    }

    private static JsonNode await(Serve serve, long millis, Predicate<JsonNode> until, String what) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        JsonNode last = null;
        int[] status = new int[1];
        while (System.currentTimeMillis() < deadline) {
            last = health(serve, status);
            if (until.test(last)) {
                assertEquals("up".equals(last.get("status").asText()) ? 200 : 503, status[0], last.toString());
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("within " + millis + " ms: " + what + "; last " + last);
    }

    @Test
    void aFailingThenDeletedStoreDegradesHealthAndHoldsWhileTheLoopGoesOn(@TempDir Path dir) throws Exception {
        Path panels = Files.createDirectories(dir.resolve("panels"));
        long end = Instant.now().getEpochSecond() / 300 * 300;
        StringBuilder csv = new StringBuilder("series_id,timestamp,requests\n");
        for (long t = end - 2 * 86_400; t <= end; t += 300) {
            csv.append("svc-0,").append(Instant.ofEpochSecond(t)).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.1f", 200 + 80 * Math.sin(2 * Math.PI * (t % 86_400) / 86_400.0))).append('\n');
        }
        Files.writeString(panels.resolve("requests.csv"), csv);
        LoopConfig config = TestServers.config(dir, "requests", 50);
        Path file = dir.resolve("s.duckdb");
        FaultyStore store = new FaultyStore(DuckDbStore.open(file, false));
        LoopAssembly assembly = new LoopAssembly(config, dir.resolve("prescient.yaml"), Map.of(), Optional.of(store));
        try (Serve serve = Serve.start(new Serve.Options(assembly, new Serve.Live(300, 1), Optional.empty(), Optional.empty(), 0.5,
                List.of("naive")), TestServers.settings(1000, 50), d -> { }, line -> { })) {
            FleetState state = serve.state();
            await(serve, 120_000, h -> h.get("rounds").asInt() >= 2 && "up".equals(h.get("status").asText()), "two healthy rounds");
            int committed = countSteps(store.store);

            store.failing = true;
            long rounds = state.roundsDone();
            JsonNode degraded = await(serve, 10_000, h -> "degraded".equals(h.get("status").asText()), "degraded on a full disk");
            assertTrue(degraded.get("problems").toString().contains("No space left on device"), degraded.toString());
            assertTrue(state.roundsDone() <= rounds + 2, "within a round of the fault: " + rounds + " -> " + state.roundsDone());
            FleetState.Action held = state.actions(Optional.empty(), 1).get(0);
            assertTrue(held.held() && held.reason().contains("the store failed"), held.reason());
            assertTrue(countSteps(store.store) >= committed, "nothing committed is lost");

            store.failing = false;
            await(serve, 10_000, h -> "up".equals(h.get("status").asText()), "up again once the store takes writes");
            int afterRecovery = countSteps(store.store);
            await(serve, 10_000, h -> countSteps(store.store) > afterRecovery, "recording again");

            int beforeDeletion = countSteps(store.store);
            Files.delete(file);
            JsonNode gone = await(serve, 10_000, h -> "degraded".equals(h.get("status").asText()), "degraded once the file is deleted");
            assertTrue(gone.get("problems").toString().contains("was deleted while the store was open"), gone.toString());
            assertTrue(Files.notExists(file), "the deleted store is not silently recreated");
            Path copy;
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                copy = files.filter(p -> p.getFileName().toString().startsWith("s.duckdb.recovered-")).findFirst().orElseThrow();
            }
            assertTrue(gone.get("problems").toString().contains("saved in " + copy), gone.toString());
            try (JdbcStore saved = DuckDbStore.open(copy, true)) {
                assertTrue(countSteps(saved) >= beforeDeletion, "every committed round is in the saved copy: " + countSteps(saved)
                        + " of " + beforeDeletion);
            }
            long before = state.roundsDone();
            await(serve, 10_000, h -> h.get("rounds").asLong() > before, "the loop goes on, holding");
            assertTrue(state.actions(Optional.empty(), 1).get(0).held());
        } finally {
            store.close();
        }
    }

    private static int countSteps(JdbcStore store) {
        return store.journal().recent("svc-0/requests", 1_000_000).size();
    }
}
