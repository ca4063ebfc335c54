package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.core.store.PlanningJournal;
import io.prescient.forecast.History;
import io.prescient.forecast.model.NaiveForecaster;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.ScenarioSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveClockLoopTest {

    /** The journal in memory; {@code failing} makes every write (and, with {@code failingReads}, every read) throw as a full disk would. */
    private static final class Memory implements PlanningJournal {
        final List<Step> steps = new ArrayList<>();
        final List<String> actuations = new ArrayList<>();
        boolean failing;
        boolean failingReads;
        int refused;

        @Override
        public void record(Step step) {
            if (failing) {
                refused++;
                throw new io.prescient.core.store.StoreException("No space left on device");
            }
            steps.add(step);
        }

        @Override
        public void actuated(Step step, Actuation outcome, String detail) {
            actuations.add(step.workload() + "@" + step.originTs() + ": " + outcome + (detail.isEmpty() ? "" : " " + detail));
        }

        @Override
        public List<Step> steps(String runId) {
            return steps.stream().filter(s -> s.runId().equals(runId)).toList();
        }

        @Override
        public Optional<Step> latest(String workload) {
            if (failingReads) {
                throw new io.prescient.core.store.StoreException("the store file vanished");
            }
            return steps.stream().filter(s -> s.workload().equals(workload)).reduce((a, b) -> b);
        }

        @Override
        public Optional<Step> latestChange(String workload) {
            return steps.stream().filter(s -> s.workload().equals(workload) && s.units() != s.fromUnits()).reduce((a, b) -> b);
        }

        @Override
        public List<Step> recent(String workload, int limit) {
            List<Step> mine = steps.stream().filter(s -> s.workload().equals(workload)).toList();
            return mine.subList(Math.max(0, mine.size() - limit), mine.size());
        }
    }

    private static final TimeGrid GRID = new TimeGrid(0, 300, 600);
    private final PlanningStep step = new PlanningStep(new NaiveForecaster(), ScenarioSet.baseline(),
            new CapacityPlanner(new CapacityModel(10, 1, 1, 100, 100, 0, 0, true)),
            new LoopSettings(6, 0.95, 288, 6, 0.2, SimulationSettings.defaults().withPaths(500)));

    private static History flat(double level, int length) {
        double[] y = new double[length];
        Arrays.fill(y, level);
        return History.of(new TimeGrid(0, 300, length), y, true);
    }

    @Test
    void aRoundStartsFromTheUnitsTheLastRecordedDecisionLeft() {
        Memory journal = new Memory();
        Recording recording = new Recording("r1", "dry-run", Optional.of(journal));
        LiveClockLoop loop = new LiveClockLoop();
        Decision first = loop.round(List.of(new LiveClockLoop.Workload("w", flat(95, 600), step, 1)), GRID.end(), d -> { }, recording)
                .get(0).outcome().decision();
        assertEquals(1, first.from());
        assertEquals(10, first.units());
        Decision second = loop.round(List.of(new LiveClockLoop.Workload("w", flat(95, 601), step, 1)), GRID.end() + 300, d -> { },
                recording).get(0).outcome().decision();
        assertEquals(10, second.from());
        assertFalse(second.changes(), second.reason());
        assertEquals(2, journal.steps("r1").size());
        assertEquals(6, journal.steps("r1").get(0).median().length);
    }

    @Test
    void anActuatorThatFailsFailsItsDecisionOnlyRecordedOnceAndTheNextRoundDecidesAgain() {
        Memory journal = new Memory();
        Recording recording = new Recording("r1", "kubernetes", Optional.of(journal));
        LiveClockLoop loop = new LiveClockLoop();
        List<Decision> actuated = new ArrayList<>();
        boolean[] down = {true};
        Actuator cluster = d -> {
            if (down[0]) {
                throw new IllegalStateException("the API server is out of reach");
            }
            actuated.add(d);
        };
        LoopRound failed = loop.round(List.of(new LiveClockLoop.Workload("w", flat(95, 600), step, 1)), GRID.end(), cluster, recording)
                .get(0);
        LoopRound.Fault fault = failed.fault().orElseThrow(() -> new AssertionError("the actuator's failure is on the round"));
        assertEquals(LoopRound.Fault.Source.ACTUATOR, fault.source());
        assertTrue(fault.message().contains("out of reach") && fault.message().contains("10.0 units"), fault.message());
        assertEquals(1, journal.steps("r1").size(), "the decision was recorded once, before it was sent");
        assertEquals(1, journal.actuations.size());
        assertTrue(journal.actuations.get(0).contains("FAILED") && journal.actuations.get(0).contains("out of reach"),
                "and its failure after: " + journal.actuations);
        down[0] = false;
        LoopRound next = loop.round(List.of(new LiveClockLoop.Workload("w", flat(95, 601), step, 1)), GRID.end() + 300, cluster, recording)
                .get(0);
        assertTrue(next.fault().isEmpty());
        assertEquals(1, actuated.size());
        assertEquals(2, journal.steps("r1").size());
        assertTrue(journal.actuations.get(1).endsWith(": APPLIED"), journal.actuations.toString());
    }

    @Test
    void aStoreThatFailsHoldsWithoutActuatingLosesNothingCommittedAndTheLoopGoesOnOnceItIsBack() {
        Memory journal = new Memory();
        Recording recording = new Recording("r1", "dry-run", Optional.of(journal));
        LiveClockLoop loop = new LiveClockLoop();
        List<Decision> actuated = new ArrayList<>();
        LoopRound ok = loop.round(List.of(new LiveClockLoop.Workload("w", flat(95, 600), step, 1)), GRID.end(), actuated::add,
                recording).get(0);
        assertEquals(10, ok.outcome().decision().units());
        assertTrue(ok.fault().isEmpty());

        journal.failing = true;
        LoopRound full = loop.round(List.of(new LiveClockLoop.Workload("w", flat(295, 601), step, 1)), GRID.end() + 300, actuated::add,
                recording).get(0);
        assertTrue(full.outcome().decision().held(), "a decision the store cannot record is not acted on");
        assertEquals(10, full.outcome().decision().units(), "it holds what the last recorded decision left");
        assertTrue(full.fault().orElseThrow().message().contains("No space left on device"), full.fault().toString());
        assertTrue(full.outcome().decision().reason().contains("nothing actuated"), full.outcome().decision().reason());
        assertEquals(3, journal.refused, "the write is tried three times, with backoff");
        assertEquals(1, actuated.size(), "nothing unrecorded reached the actuator");

        journal.failing = false;
        journal.failingReads = true;
        LoopRound vanished = loop.round(List.of(new LiveClockLoop.Workload("w", flat(295, 602), step, 1)), GRID.end() + 600,
                actuated::add, recording).get(0);
        assertEquals(10, vanished.outcome().decision().units(), "a store that cannot be read holds what the loop last knew");
        assertTrue(vanished.fault().isPresent());

        journal.failingReads = false;
        LoopRound back = loop.round(List.of(new LiveClockLoop.Workload("w", flat(295, 603), step, 1)), GRID.end() + 900, actuated::add,
                recording).get(0);
        assertTrue(back.fault().isEmpty());
        assertEquals(30, back.outcome().decision().units(), "with the store back the loop plans again");
        assertEquals(2, journal.steps.size(), "every committed decision is kept: the first and the one after the fault");
        assertEquals(2, actuated.size());
    }

    /** Demand at 95 for {@code before} steps, a gap of {@code gap} missing steps, then {@code after} steps at 300. */
    private static History outage(int before, int gap, int after) {
        double[] y = new double[before + gap + after];
        for (int t = 0; t < y.length; t++) {
            y[t] = t < before ? 95 + (t % 2) : t < before + gap ? Double.NaN : 300 + (t % 2);
        }
        return History.of(new TimeGrid(0, 300, y.length), y, true);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"naive", "ensemble"})
    void afterAThreeDayGapCapacityFollowsTheReturningDemandWithinTwoLeadTimes(String model) {
        int lead = 2;
        io.prescient.forecast.Forecaster forecaster = model.equals("naive") ? new NaiveForecaster()
                : io.prescient.forecast.Models.create(model, 300, 288, 6);
        PlanningStep leadStep = new PlanningStep(forecaster, ScenarioSet.baseline(),
                new CapacityPlanner(new CapacityModel(10, 1, 1, 100, 100, 0, lead, true)),
                new LoopSettings(6, 0.95, 288, 6, 0.2, SimulationSettings.defaults().withPaths(500)));
        Memory journal = new Memory();
        Recording recording = new Recording("r1", "dry-run", Optional.of(journal));
        LiveClockLoop loop = new LiveClockLoop();
        int gap = 3 * 288;
        double[] ordered = new double[13];
        for (int fresh = 1; fresh <= 12; fresh++) {
            History h = outage(600, gap, fresh);
            ordered[fresh] = loop.round(List.of(new LiveClockLoop.Workload("w", h, leadStep, 10)), h.grid().end(), d -> { }, recording)
                    .get(0).outcome().decision().units();
        }
        // what is in place at fresh step k was ordered at step k - lead
        int followedAt = -1;
        for (int k = 1 + lead; k <= 12; k++) {
            if (ordered[k - lead] * 10 >= 301) {
                followedAt = k;
                break;
            }
        }
        System.out.printf("gap recovery, %s: covered at fresh step %d, orders %s%n", model, followedAt, Arrays.toString(ordered));
        assertTrue(followedAt > 0 && followedAt <= 2 * lead, model + ": capacity covers demand again within two lead times of its return: in place "
                + "at fresh step " + followedAt + ", orders " + Arrays.toString(ordered));
    }

    @Test
    void staleDataHoldsAndSaysWhy() {
        Memory journal = new Memory();
        Recording recording = new Recording("r1", "dry-run", Optional.of(journal));
        Decision d = new LiveClockLoop().round(List.of(new LiveClockLoop.Workload("w", flat(95, 600), step, 4)), GRID.end() + 3600,
                x -> { }, recording).get(0).outcome().decision();
        assertTrue(d.held());
        assertEquals(4, d.units());
        assertTrue(d.reason().contains("stale"), d.reason());
        assertEquals(1, journal.steps.size());
    }

    /** Demand at 95 until step {@code change}, then at 300: a regime the naive forecast's band does not cover at first. */
    private static History shifted(int length, int change) {
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = t < change ? 95 + (t % 2) : 300 + (t % 2);
        }
        return History.of(new TimeGrid(0, 300, length), y, true);
    }

    @Test
    void liveRoundsScoreTheirForecastsAndADriftCycleServesItsModelFromTheNextDecision() {
        Memory journal = new Memory();
        Recording recording = new Recording("live", "dry-run", Optional.of(journal));
        ServedModel retrained = new ServedModel("loop/w@v2", new NaiveForecaster());
        List<String> drifted = new ArrayList<>();
        DriftHandler handler = (workload, history, current) -> {
            drifted.add(workload + " at " + history.length() + " from " + current.id());
            return new DriftHandler.Response(retrained, "retrained");
        };
        LiveClockLoop loop = new LiveClockLoop(3, 4, 0.8, handler, ModelWatch.FIXED);
        List<LoopRound> rounds = new ArrayList<>();
        for (int length = 600; length < 700; length++) {
            History h = shifted(length, 640);
            rounds.add(loop.round(List.of(new LiveClockLoop.Workload("w", h, step, 1)), h.grid().end(), d -> { }, recording).get(0));
        }
        LoopRound before = rounds.get(30);
        assertTrue(before.accuracy().points() > 0, "forecasts are scored once their horizon has passed: " + before.accuracy());
        assertTrue(before.accuracy().coverage() > 0.9, "the naive band covers flat demand: " + before.accuracy());
        assertTrue(drifted.size() >= 1 && drifted.get(0).endsWith("from naive"), "a drift cycle after the level shift: " + drifted);
        assertTrue(rounds.subList(70, 100).stream().allMatch(r -> r.drift().isEmpty()),
                "no drift once the forecasts have seen the new level: " + drifted);
        int at = 0;
        while (rounds.get(at).drift().isEmpty()) {
            at++;
        }
        assertTrue(at > 40 && at < 60, "the drift fires within a monitor window and a horizon of the shift at round 40: " + at);
        assertEquals("naive", rounds.get(at - 1).outcome().model());
        assertEquals("loop/w@v2", rounds.get(at).outcome().model(), "the drift's model decides that round");
        assertEquals("loop/w@v2", journal.steps.get(journal.steps.size() - 1).model(), "and the journal names it");
        assertTrue(rounds.get(rounds.size() - 1).accuracy().forecasts() >= 90);
    }

    @Test
    void aSourceThatCannotBeReadHoldsWhatTheJournalLeft() {
        Memory journal = new Memory();
        Recording recording = new Recording("live", "dry-run", Optional.of(journal));
        LiveClockLoop loop = new LiveClockLoop();
        LiveClockLoop.Workload w = new LiveClockLoop.Workload("w", flat(95, 600), step, 1);
        loop.round(List.of(w), GRID.end(), d -> { }, recording);
        LoopRound held = loop.hold(List.of(w), GRID.end() + 300, "the source could not be read: gone", d -> { }, recording).get(0);
        assertTrue(held.outcome().decision().held());
        assertEquals(10, held.outcome().decision().units());
        assertTrue(journal.steps.get(1).reason().endsWith("the source could not be read: gone"), journal.steps.get(1).reason());
    }

    @Test
    void aRestartedLoopScoresTheForecastsTheJournalHoldsAndGoesOnWithTheirCoverage() {
        Memory journal = new Memory();
        LiveClockLoop first = new LiveClockLoop(3, 4, 0.8, DriftHandler.REPORT_ONLY, ModelWatch.FIXED);
        for (int length = 600; length < 610; length++) {
            History h = shifted(length, 10_000);
            first.round(List.of(new LiveClockLoop.Workload("w", h, step, 1)), h.grid().end(), d -> { },
                    new Recording("before", "dry-run", Optional.of(journal)));
        }
        // killed after the round at step 609: forecasts from steps 604 to 609 had not reached the end of their horizon;
        // the same rounds journalled again by a second run, and one by a run on data ahead of this source (a replay's)
        journal.steps.addAll(List.copyOf(journal.steps));
        History ahead = shifted(700, 10_000);
        new LiveClockLoop(3, 4, 0.8, DriftHandler.REPORT_ONLY, ModelWatch.FIXED).round(List.of(new LiveClockLoop.Workload("w", ahead, step, 1)),
                ahead.grid().end(), d -> { }, new Recording("ahead", "dry-run", Optional.of(journal)));
        LiveClockLoop restarted = new LiveClockLoop(3, 4, 0.8, DriftHandler.REPORT_ONLY, ModelWatch.FIXED);
        History now = shifted(612, 10_000);
        LoopRound r = restarted.round(List.of(new LiveClockLoop.Workload("w", now, step, 1)), now.grid().end(), d -> { },
                new Recording("after", "dry-run", Optional.of(journal))).get(0);
        assertTrue(r.accuracy().points() > 0, "the restarted loop scores what the journal forecast before: " + r.accuracy());
        assertEquals(1.0, r.accuracy().coverage(), "the naive band covers flat demand");
        assertEquals(7 * 6, r.accuracy().points(), "the forecasts from steps 600 to 606 reached their horizon, each scored once");
        assertEquals(4 + 6 + 1, r.accuracy().forecasts(), "the last window and the pending ones from the journal (each origin once, none ahead of the data), and its own");

        // a level shift right after the restart: drift fires on the recorded forecasts and the new ones together
        List<String> drifted = new ArrayList<>();
        LiveClockLoop again = new LiveClockLoop(3, 4, 0.8, (w, h, current) -> {
            drifted.add(w + " at " + h.length());
            return new DriftHandler.Response(current, "kept");
        }, ModelWatch.FIXED);
        History shifted = shifted(616, 610);
        again.round(List.of(new LiveClockLoop.Workload("w", shifted, step, 1)), shifted.grid().end(), d -> { },
                new Recording("again", "dry-run", Optional.of(journal)));
        assertEquals(List.of("w at 616"), drifted, "the journal's forecasts, scored against the shift, call for a cycle at once");
    }
}
