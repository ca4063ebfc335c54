package io.prescient.plan;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.store.ModelDecision;
import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.registry.ModelLifecycle;
import io.prescient.forecast.registry.ModelTrainer;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.io.duckdb.DuckDbStore;
import io.prescient.plan.config.LoopConfigFile;
import io.prescient.plan.loop.Decision;
import io.prescient.plan.loop.DriftHandler;
import io.prescient.plan.loop.ModelWatch;
import io.prescient.plan.loop.Recording;
import io.prescient.plan.loop.SimulatedClockLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop serves what the registry promotes: each workload's champion artifact from the start, a
 * promotion or rollback made while the loop runs from the next round on, the same champion after a
 * restart, and the artifact a drift cycle leaves (a new version even when the model's name is the
 * same); the journal names the version behind every decision.
 */
class ServedChampionTest {

    static final int DAY = 24;
    static final TimeGrid GRID = new TimeGrid(1_375_315_200L, 3600, 21 * DAY);
    static final String WORKLOAD = "shop/requests";

    /** A daily cycle whose level jumps by 60% on day 17, so a model fitted before it under-covers after. */
    static Map<String, Panel> panels() {
        SplittableRandom r = new SplittableRandom(3);
        double[] y = new double[GRID.length()];
        for (int t = 0; t < y.length; t++) {
            double level = t >= 17 * DAY ? 1.6 : 1;
            y[t] = level * (200 + 80 * Math.sin(2 * Math.PI * (t % DAY) / DAY)) + r.nextGaussian() * 6;
        }
        return Map.of("requests", Panel.aligned(List.of(new RegularSeries(new SeriesInfo(new SeriesKey("d", "shop", "requests"),
                new Unit("req/s", "requests per second", true), Map.of()), GRID, y))));
    }

    static LoopAssembly assembly(Path dir, SeriesStore store, String model) {
        return new LoopAssembly(LoopConfigFile.parse("p.yaml", """
                source: {path: d, freq: 1h}
                every: 3
                horizon: 12
                percentile: 0.95
                model: %s
                paths: 300
                capacity: {unit_capacity: 20, max_units: 200, cooldown: 0, lead: 1}
                workloads:
                  - series: shop
                simulate: {from: 2013-08-14T00:00:00Z, until: 2013-08-20T00:00:00Z}
                monitor: {window: 4, min_coverage: 0.8}
                """.formatted(model), dir), dir.resolve("p.yaml"), Map.of(), Optional.of(store));
    }

    /** Trains {@code model} on the workload's history before the loop's window and registers it in the workload's scope. */
    static String register(SeriesStore store, String model) {
        Panel head = Panel.aligned(List.of(panels().get("requests").series().get(0).slice(0, 13 * DAY)));
        ModelTrainer.Trained t = new ModelTrainer(new ModelTrainer.Settings(3600, DAY, 12, 2, 1), Clock.systemUTC())
                .train(model, ModelWatch.scope(WORKLOAD), List.of(head), Map.of("command", "test"));
        store.models().register(t.version(), t.artifact().toBytes());
        return t.version().id();
    }

    @Test
    void theChampionServesFromTheStartAndAPromotionOrRollbackFromTheNextRound(@TempDir Path dir) {
        try (SeriesStore store = DuckDbStore.open(dir.resolve("s.duckdb"), false)) {
            ModelLifecycle lifecycle = new ModelLifecycle(store.models(), Clock.systemUTC());
            String seasonal = register(store, "seasonal-naive");
            String naive = register(store, "naive");
            lifecycle.promote(seasonal, "test: first champion");
            LoopAssembly a = assembly(dir, store, "ets");
            List<LoopAssembly.Selected> selected = a.select(panels());
            Map<String, ServedModel> models = a.models(selected, s -> a.window(s.series())[0], line -> { });
            assertEquals(seasonal, models.get(WORKLOAD).id(), "the workload's champion serves, not the config's model");
            SimulatedClockLoop loop = a.clock(DriftHandler.REPORT_ONLY);
            SimulatedClockLoop.Cursor cursor = loop.start(a.simulated(selected, models).get(0), 3);
            List<String> served = new ArrayList<>();
            List<Double> units = new ArrayList<>();
            Recording recording = a.recording("r1");
            for (int round = 0; round < 30; round++) {
                if (round == 10) {
                    lifecycle.promote(naive, "test: by hand");
                }
                if (round == 20) {
                    ModelDecision back = lifecycle.rollback(ModelWatch.scope(WORKLOAD), "test: undo");
                    assertEquals(seasonal, back.champion());
                }
                io.prescient.plan.loop.LoopRound r = cursor.next(d -> { }, recording);
                served.add(r.outcome().model());
                units.add(r.outcome().decision().units());
            }
            assertEquals(List.of(seasonal), served.subList(0, 10).stream().distinct().toList());
            assertEquals(List.of(naive), served.subList(10, 20).stream().distinct().toList(), "the promotion serves from the next round");
            assertEquals(List.of(seasonal), served.subList(20, 30).stream().distinct().toList(), "the rollback too");
            List<PlanningJournal.Step> journal = store.journal().steps("r1");
            assertEquals(30, journal.size());
            assertEquals(naive, journal.get(15).model(), "the journal names the version behind each decision");

            // the same rounds without the promotion plan differently: the naive model was really served
            SimulatedClockLoop.Cursor fixed = new SimulatedClockLoop(4, 0.8, DriftHandler.REPORT_ONLY)
                    .start(a.simulated(selected, models).get(0), 3);
            List<Double> unchanged = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                unchanged.add(fixed.next(d -> { }, Recording.none()).outcome().decision().units());
            }
            assertEquals(unchanged.subList(0, 10), units.subList(0, 10));
            assertNotEquals(unchanged.subList(10, 20), units.subList(10, 20));

            // a restarted loop serves the same champion
            LoopAssembly again = assembly(dir, store, "ets");
            assertEquals(seasonal, again.models(again.select(panels()), s -> 1, line -> { }).get(WORKLOAD).id());
        }
    }

    @Test
    void aDriftCycleServesTheArtifactItLeavesEvenUnderTheSameModelName(@TempDir Path dir) {
        try (SeriesStore store = DuckDbStore.open(dir.resolve("s.duckdb"), false)) {
            LoopAssembly a = assembly(dir, store, "seasonal-naive");
            List<LoopAssembly.Selected> selected = a.select(panels());
            Map<String, ServedModel> models = a.models(selected, s -> a.window(s.series())[0], line -> { });
            assertEquals("seasonal-naive", models.get(WORKLOAD).id(), "no champion yet: the config's model, unregistered");
            SimulatedClockLoop.Result r = a.clock(a.driftHandler("r2", selected, List.of("seasonal-naive")))
                    .run(a.simulated(selected, models), 3, d -> { }, a.recording("r2"));
            assertFalse(r.drifts().isEmpty(), "the level shift on day 17 drifts");
            String champion = store.models().champion(ModelWatch.scope(WORKLOAD)).orElseThrow().id();
            assertTrue(r.drifts().get(0).action().contains("serving " + champion) || r.drifts().size() > 1, r.drifts().get(0).action());
            List<PlanningJournal.Step> steps = store.journal().steps("r2");
            long drift = r.drifts().get(0).time();
            assertTrue(steps.stream().filter(s -> s.originTs() < drift).allMatch(s -> s.model().equals("seasonal-naive")));
            List<String> after = steps.stream().filter(s -> s.originTs() >= drift).map(PlanningJournal.Step::model).distinct().toList();
            assertTrue(after.stream().allMatch(id -> id.startsWith("seasonal-naive-")), "after the drift a registry version serves: " + after);
            assertTrue(r.decisions().stream().noneMatch(Decision::held));
        }
    }
}
