package io.prescient.forecast.registry;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.store.ModelDecision;
import io.prescient.core.store.ModelStatus;
import io.prescient.core.store.ModelVersion;
import io.prescient.forecast.Forecast;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelLifecycleTest {

    private static final String SCOPE = "fleet@1h";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private final ModelTrainer trainer = new ModelTrainer(new ModelTrainer.Settings(3600, 24, 24, 2, 2), clock);

    /** Five hourly series with a strong daily cycle: the naive model is clearly worse than the seasonal ones. */
    private static List<Panel> fleet() {
        SplittableRandom r = new SplittableRandom(3);
        List<RegularSeries> series = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double[] y = new double[24 * 21];
            for (int t = 0; t < y.length; t++) {
                y[t] = 100 + 10 * i + 40 * Math.sin(2 * Math.PI * t / 24) + 30 * (r.nextDouble() - 0.5);
            }
            series.add(new RegularSeries(new SeriesInfo(new SeriesKey("fleet", "vm" + i, "cpu"), Unit.PERCENT, Map.of()),
                    new TimeGrid(0, 3600, y.length), y));
        }
        return List.of(Panel.aligned(series));
    }

    @Test
    void aCycleWithCovariatesTrainsValidatesAndFitsWithThem() {
        SplittableRandom r = new SplittableRandom(11);
        double[] users = new double[24 * 21];
        double[] y = new double[users.length];
        double level = 1000;
        for (int t = 0; t < y.length; t++) {
            level += 5 * r.nextGaussian();
            users[t] = level + 300 * Math.sin(2 * Math.PI * t / 24);
            y[t] = 0.1 * users[t] + 2 * r.nextGaussian();
        }
        RegularSeries demand = new RegularSeries(new SeriesInfo(new SeriesKey("shop", "web", "requests"), Unit.REQUESTS_PER_SECOND,
                Map.of()), new TimeGrid(0, 3600, y.length), y);
        List<Panel> panels = List.of(Panel.aligned(List.of(demand)));
        MemoryRegistry registry = new MemoryRegistry();
        ModelLifecycle.CycleOutcome with = new ModelLifecycle(registry, clock).cycle("shop@1h", panels, s -> Map.of("users", users),
                trainer, List.of("dynreg"), 0.02, Validation.Metric.CRPS, Map.of());
        ModelVersion v = registry.version(with.decision().champion()).orElseThrow();
        FleetModel artifact = FleetModel.fromBytes(registry.artifact(v.id()));
        assertEquals(List.of("users"), artifact.bySeries().get("shop/web/requests").parameters().get("regressors"),
                "the served fit reads the covariate");
        assertTrue(v.parameters().contains("users"), v.parameters());
        ModelTrainer.Trained without = trainer.train("dynreg", "shop@1h", panels, Map.of());
        assertEquals(List.of(), without.artifact().bySeries().get("shop/web/requests").parameters().get("regressors"));
        assertTrue(with.trained().get(0).validation().crps() != without.validation().crps(),
                "validation forecast with the covariate's past and its seasonal-naive future: " + with.trained().get(0).validation()
                        + " vs " + without.validation());
    }

    @Test
    void theFirstCycleCrownsTheBestModelAndRejectsTheRest() {
        MemoryRegistry registry = new MemoryRegistry();
        ModelLifecycle.CycleOutcome outcome = new ModelLifecycle(registry, clock)
                .cycle(SCOPE, fleet(), trainer, List.of("naive", "seasonal-naive"), 0.02, Validation.Metric.CRPS, Map.of());
        assertEquals(ModelDecision.Kind.FIRST, outcome.decision().kind());
        ModelVersion champion = registry.champion(SCOPE).orElseThrow();
        assertEquals("seasonal-naive", champion.model());
        assertEquals(2, registry.versions(SCOPE).size());
        assertTrue(registry.versions(SCOPE).stream().anyMatch(v -> v.model().equals("naive") && v.status() == ModelStatus.REJECTED));
        assertTrue(outcome.decision().evidence().contains("\"CRPS\""), outcome.decision().evidence());
    }

    @Test
    void aChallengerReplacesTheChampionOnlyWhenItWinsByTheMargin() {
        MemoryRegistry registry = new MemoryRegistry();
        ModelLifecycle lifecycle = new ModelLifecycle(registry, clock);
        ModelTrainer.Trained naive = trainer.train("naive", SCOPE, fleet(), Map.of());
        registry.register(naive.version(), naive.artifact().toBytes());
        lifecycle.promote(naive.version().id(), null);

        ModelDecision kept = lifecycle.cycle(SCOPE, fleet(), trainer, List.of("seasonal-naive"), 0.95,
                Validation.Metric.CRPS, Map.of()).decision();
        assertEquals(ModelDecision.Kind.KEEP, kept.kind());
        ModelVersion refreshed = registry.champion(SCOPE).orElseThrow();
        assertEquals("naive", refreshed.model());
        assertTrue(!refreshed.id().equals(naive.version().id()), "the refitted champion serves, not the stale one");
        assertEquals(ModelStatus.RETIRED, registry.version(naive.version().id()).orElseThrow().status());
        assertEquals(ModelStatus.REJECTED, registry.version(kept.challenger()).orElseThrow().status());

        ModelDecision promoted = lifecycle.cycle(SCOPE, fleet(), trainer, List.of("seasonal-naive"), 0.02,
                Validation.Metric.CRPS, Map.of()).decision();
        assertEquals(ModelDecision.Kind.PROMOTE, promoted.kind());
        assertEquals("seasonal-naive", registry.champion(SCOPE).orElseThrow().model());
        assertEquals(refreshed.id(), promoted.previous());
    }

    @Test
    void rollbackRestoresTheReplacedChampionAndRefusesWhenThereIsNone() {
        MemoryRegistry registry = new MemoryRegistry();
        ModelLifecycle lifecycle = new ModelLifecycle(registry, clock);
        ModelTrainer.Trained naive = trainer.train("naive", SCOPE, fleet(), Map.of());
        registry.register(naive.version(), naive.artifact().toBytes());
        ModelDecision first = lifecycle.promote(naive.version().id(), null);
        assertEquals(ModelDecision.Kind.FIRST, first.kind());
        assertNull(first.previous());
        assertThrows(IllegalArgumentException.class, () -> lifecycle.rollback(SCOPE, null));

        ModelDecision promoted = lifecycle.cycle(SCOPE, fleet(), trainer, List.of("seasonal-naive"), 0.02,
                Validation.Metric.CRPS, Map.of()).decision();
        assertEquals(ModelDecision.Kind.PROMOTE, promoted.kind());
        ModelDecision back = lifecycle.rollback(SCOPE, "bad week");
        assertEquals(ModelDecision.Kind.ROLLBACK, back.kind());
        assertEquals(naive.version().id(), registry.champion(SCOPE).orElseThrow().id());
        assertEquals("bad week", back.reason());
    }

    @Test
    void theStoredArtifactForecastsExactlyAsTheTrainedModel() {
        ModelTrainer.Trained t = trainer.train("ets", SCOPE, fleet(), Map.of());
        FleetModel back = FleetModel.fromBytes(t.artifact().toBytes());
        assertEquals(5, back.bySeries().size());
        Forecast before = t.artifact().bySeries().get("fleet/vm2/cpu").forecast(24);
        Forecast after = back.bySeries().get("fleet/vm2/cpu").forecast(24);
        assertArrayEquals(before.quantile(0.95), after.quantile(0.95), 0.0);
        assertTrue(t.version().parameters().contains("\"forms\""), t.version().parameters());
        assertEquals(0, t.version().trainedFrom());
        assertEquals(24 * 21 * 3600, t.version().trainedTo());
    }

    @Test
    void aCorruptArtifactIsRefusedWithAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FleetModel.fromBytes(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("not a model"), e.getMessage());
    }
}
