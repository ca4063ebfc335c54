package io.prescient.flink;

import io.prescient.core.RegularSeries;
import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.model.NaiveForecaster;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job's keyed loop on points in awkward orders: the grid is the demand's (a covariate point
 * that comes first, or one the config does not name, never moves it), covariate points that come
 * before the first demand point wait for it, and a gap longer than the history kept starts the
 * workload over instead of growing its arrays.
 */
class PlanningFunctionTest {

    @TempDir
    Path dir;

    private JobSettings settings(int maxHistoryDays) {
        LoopConfig config = LoopConfigFile.parse("flink.yaml", """
                source: {path: synthetic, freq: 5m}
                every: 6
                horizon: 24
                percentile: 0.95
                model: dynreg
                paths: 100
                capacity: {unit_capacity: 40, target_utilisation: 0.7, min_units: 1, max_units: 100, max_step: 5, cooldown: 6, lead: 2}
                workloads:
                  - series: "*"
                    covariates: {users: users}
                simulate: {from: %s}
                """.formatted(Instant.ofEpochSecond(Fleets.START + Fleets.DAY * 300L)), dir);
        return JobSettings.of(Fleets.assembly(config, Optional.empty()), Fleets.DAY, maxHistoryDays * Fleets.DAY);
    }

    /** The plans for {@code points}, fed in their order, with the watermark at the latest time seen. */
    private static List<PlanRecord> plans(JobSettings settings, List<MetricPoint> points) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, MetricPoint, PlanRecord> h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new PlanningFunction(settings), MetricPoint::workload, Types.STRING)) {
            long watermark = Long.MIN_VALUE;
            for (MetricPoint p : points) {
                h.processElement(p, p.time() * 1000);
                watermark = Math.max(watermark, p.time() * 1000 - 1);
                h.processWatermark(watermark);
            }
            return new ArrayList<>(h.extractOutputValues());
        }
    }

    /** Requests and active users (which the requests follow), demand and covariate point by point. */
    private static List<MetricPoint> demandAndUsers(RegularSeries s, int usersFrom) {
        List<MetricPoint> out = new ArrayList<>();
        String workload = s.key().item() + "/" + s.key().metric();
        for (int t = usersFrom; t < s.length(); t++) {
            if (t >= 0) {
                out.add(new MetricPoint(workload, s.grid().timeAt(t), s.value(t)));
            }
            out.add(new MetricPoint(workload, s.grid().timeAt(0) + t * 300L, users(s, t), "users"));
        }
        return out;
    }

    private static double users(RegularSeries s, int t) {
        return t < 0 ? 0 : 25 * s.value(t);
    }

    private static void assertSamePlans(List<PlanRecord> expected, List<PlanRecord> actual) {
        assertEquals(expected.size(), actual.size(), "rounds");
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i).same(actual.get(i)), "plan " + i + " differs:\n " + expected.get(i) + "\n " + actual.get(i));
        }
    }

    @Test
    void theGridIsTheDemandsWhateverComesFirst() throws Exception {
        JobSettings settings = settings(28);
        RegularSeries s = Fleets.series(1, 2, 3).get(0);
        List<PlanRecord> plain = plans(settings, demandAndUsers(s, 0));
        assertEquals(48, plain.size());
        assertEquals(s.grid().timeAt(Fleets.DAY), plain.get(0).time(), "the first round is a day after the first demand point");

        List<MetricPoint> strayFirst = new ArrayList<>();
        strayFirst.add(new MetricPoint(plain.get(0).workload(), s.grid().timeAt(0) - 3600, 5, "not-configured"));
        strayFirst.add(new MetricPoint(plain.get(0).workload(), s.grid().timeAt(0) - 3600, 5, "users"));
        strayFirst.addAll(demandAndUsers(s, -12));
        assertSamePlans(plain, plans(settings, strayFirst));

        List<MetricPoint> usersFirst = new ArrayList<>(demandAndUsers(s, 0));
        usersFirst.sort((a, b) -> a.time() != b.time() ? Long.compare(a.time(), b.time()) : Boolean.compare(a.demand(), b.demand()));
        assertSamePlans(plain, plans(settings, usersFirst));
    }

    @Test
    void aScenarioOnACovariateTheWorkloadLacksRefusesTheJobAtStart() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("s.yaml"), """
                scenarios:
                  - name: sessions double
                    type: event
                    target: sessions
                    from: 2013-08-02T00:00:00Z
                    to: 2013-08-03T00:00:00Z
                    multiplier: 2
                """);
        LoopConfig config = LoopConfigFile.parse("flink.yaml", """
                source: {path: synthetic, freq: 5m}
                model: dynreg
                scenarios: s.yaml
                capacity: {unit_capacity: 40}
                workloads:
                  - series: "*"
                    covariates: {users: users}
                """, dir);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> JobSettings.of(Fleets.assembly(config, Optional.empty()), Fleets.DAY, 28 * Fleets.DAY));
        assertTrue(e.getMessage().contains("covariate 'sessions'") && e.getMessage().contains("does not have"), e.getMessage());
    }

    @Test
    void aGapLongerThanTheHistoryKeptStartsTheWorkloadOver() throws Exception {
        JobSettings settings = settings(1);
        RegularSeries s = Fleets.series(1, 2, 3).get(0);
        List<MetricPoint> points = new ArrayList<>(demandAndUsers(s, 0));
        long later = s.grid().timeAt(0) + 400L * 24 * 3600;
        for (MetricPoint p : demandAndUsers(s, 0)) {
            points.add(new MetricPoint(p.workload(), p.time() + 400L * 24 * 3600, p.value(), p.covariate()));
        }
        List<PlanRecord> plans = plans(settings, points);
        List<PlanRecord> afterGap = plans.stream().filter(p -> p.time() >= later).toList();
        assertEquals(96, plans.size(), "a day of rounds before the gap and a day after, none in it");
        assertEquals(48, afterGap.size());
        assertEquals(later + Fleets.DAY * 300L, afterGap.get(0).time(), "the first round after the gap waits for a day of data again");
    }

    /** Naive, noting the grid of each history it is fitted on. */
    record Noting(java.util.Queue<TimeGrid> seen) implements Forecaster {

        @Override
        public String name() {
            return "noting";
        }

        @Override
        public FittedModel fit(History history) {
            seen.add(history.grid());
            return new NaiveForecaster().fit(history);
        }
    }

    @Test
    void theHistoryKeptStartsOnWholeHoursSoTheRoundsWithinAnHourSeeTheSameHistory() throws Exception {
        JobSettings s = settings(1);
        java.util.Queue<TimeGrid> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
        JobSettings noting = new JobSettings(s.stepSeconds(), 1, s.firstDecision(), s.maxHistory(), new ServedModel("noting", new Noting(seen)),
                s.loop(), s.scenariosYaml(), s.capacities(), s.defaultCapacity(), s.covariates(), s.defaultCovariates(), s.nonNegative(),
                s.workloadScenariosYaml());
        RegularSeries series = Fleets.series(1, 2, 3).get(0);
        List<PlanRecord> plans = plans(noting, demandAndUsers(series, 0));
        assertEquals(Fleets.DAY, plans.size(), "a round every step of the second day");
        List<TimeGrid> grids = new ArrayList<>(seen);
        assertTrue(grids.size() >= plans.size(), "a fit a round at least: " + grids.size());
        int moves = 0;
        for (int i = 1; i < grids.size(); i++) {
            TimeGrid before = grids.get(i - 1);
            TimeGrid g = grids.get(i);
            assertTrue(g.length() >= Fleets.DAY && g.length() < Fleets.DAY + 12, "about a day kept, at most an hour more: " + g);
            if (g.start() != before.start()) {
                moves++;
                assertEquals(0, Math.floorMod(g.end(), 3600L), "the start moves when the rounds reach a whole hour: " + g);
            }
        }
        assertEquals(23, moves, "once an hour");
    }
}
