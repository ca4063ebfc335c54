package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.core.store.PlanningJournal;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import io.prescient.forecast.registry.ServedModel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays recorded demand through the planning loop on a simulated clock: every {@code every}
 * steps over its window, each workload sees its history up to now, a decision is
 * made, passed to the actuator and recorded in the journal, and the units ordered are in place from
 * the next decision on. Each forecast is scored once its horizon has passed (coverage of the
 * provisioned percentile, absolute error of the median); when the coverage of the last
 * {@code monitorWindow} scored forecasts falls below {@code minCoverage}, a drift event is raised
 * (once per window) and the drift handler runs the retrain-validate-promote cycle, whose champion
 * the workload goes on with.
 */
public final class SimulatedClockLoop {

    /**
     * A workload replayed: its recorded demand and covariates (same grid), its planning step, and the
     * steps of its grid the clock runs over: decisions at {@code from}, {@code from + every}, ... before
     * {@code until}.
     */
    public record Workload(String name, TimeGrid grid, double[] demand, Map<String, double[]> covariates, boolean nonNegative,
                           PlanningStep step, double initialUnits, int from, int until) {

        public Workload {
            covariates = Map.copyOf(covariates);
            if (from < 1 || until <= from || until > demand.length) {
                throw new IllegalArgumentException("workload " + name + ": need 1 <= from < until <= " + demand.length
                        + ", got " + from + ".." + until);
            }
        }

        /** A workload without covariates. */
        public Workload(String name, TimeGrid grid, double[] demand, boolean nonNegative, PlanningStep step, double initialUnits, int from,
                        int until) {
            this(name, grid, demand, Map.of(), nonNegative, step, initialUnits, from, until);
        }
    }

    /** Recorded accuracy of one workload's forecasts over the replay. */
    public record Accuracy(int forecasts, int points, double meanAbsoluteError, double coverage) {
    }

    /**
     * Rolling coverage fell below the floor.
     *
     * @param action what the drift handler did about it (e.g. the cycle's decision)
     */
    public record Drift(String workload, long time, double coverage, String action) {
    }

    /**
     * Called on drift with the workload's history up to now; returns the forecaster to go on with
     * (the retrain-validate-promote cycle's champion) and a description of what it did.
     */
    public interface DriftHandler {

        Response onDrift(String workload, History historyNow, ServedModel current);

        record Response(ServedModel model, String action) {
        }

        /** Reports the drift and goes on with the same model. */
        DriftHandler REPORT_ONLY = (workload, history, current) -> new Response(current, "reported");
    }

    /** Every decision, each workload's accuracy, and the drift events. */
    public record Result(List<Decision> decisions, Map<String, Accuracy> accuracy, List<Drift> drifts) {
    }

    /** Where decisions go besides the actuator: the journal under a run id, naming the actuator. */
    public record Recording(String runId, String actuatorName, Optional<PlanningJournal> journal) {

        public static Recording none() {
            return new Recording("unrecorded", "none", Optional.empty());
        }
    }

    private final double percentile;
    private final int monitorWindow;
    private final double minCoverage;
    private final DriftHandler onDrift;
    private final ModelWatch models;

    /**
     * @param models asked before every round which model a workload serves now (a promotion or a rollback in the
     *               registry changes it from the next round on)
     */
    public SimulatedClockLoop(double percentile, int monitorWindow, double minCoverage, DriftHandler onDrift, ModelWatch models) {
        this.percentile = percentile;
        this.monitorWindow = monitorWindow;
        this.minCoverage = minCoverage;
        this.onDrift = onDrift;
        this.models = models;
    }

    /** A loop whose workloads keep their model unless drift replaces it. */
    public SimulatedClockLoop(double percentile, int monitorWindow, double minCoverage, DriftHandler onDrift) {
        this(percentile, monitorWindow, minCoverage, onDrift, ModelWatch.FIXED);
    }

    /** A loop for the percentile with the default monitor (drift below 85% coverage over 24 forecasts), reporting drift only. */
    public SimulatedClockLoop(double percentile) {
        this(percentile, 24, 0.85, DriftHandler.REPORT_ONLY);
    }

    public Result run(List<Workload> workloads, int every, Actuator actuator, Recording recording) {
        List<Decision> decisions = new ArrayList<>();
        Map<String, Accuracy> accuracy = new LinkedHashMap<>();
        List<Drift> drifts = new ArrayList<>();
        for (Workload w : workloads) {
            Cursor cursor = start(w, every);
            while (cursor.hasNext()) {
                Cursor.Round round = cursor.next(actuator, recording);
                decisions.add(round.outcome().decision());
                round.drift().ifPresent(drifts::add);
            }
            accuracy.put(w.name(), cursor.finish());
        }
        return new Result(decisions, accuracy, drifts);
    }

    /** A cursor over one workload's rounds, for callers that interleave workloads or pace the clock (the server). */
    public Cursor start(Workload workload, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("need every >= 1");
        }
        return new Cursor(workload, every);
    }

    /** One workload's replay, a round at a time. Not thread-safe: one caller drives it. */
    public final class Cursor {

        /** What one round did: the outcome (decision and forecast) and the drift it raised, if any. */
        public record Round(int step, PlanningStep.Outcome outcome, Optional<Drift> drift) {
        }

        private final Workload w;
        private final int every;
        private final Scorer scorer;
        private final History full;
        private PlanningStep step;
        private LoopPosition position;
        private int t;
        private int lastDrift;

        private Cursor(Workload w, int every) {
            this.w = w;
            this.every = every;
            this.scorer = new Scorer(w);
            this.full = new History(w.grid(), w.demand(), w.covariates(), w.nonNegative());
            this.step = w.step();
            this.position = LoopPosition.start(w.initialUnits());
            this.t = w.from();
            this.lastDrift = -monitorWindow;
        }

        public Workload workload() {
            return w;
        }

        public boolean hasNext() {
            return t < w.until();
        }

        /** The grid step of the next decision. */
        public int position() {
            return t;
        }

        /** The model the workload plans with now. */
        public ServedModel model() {
            return step.model();
        }

        /** Units in place now. */
        public double units() {
            return position.units();
        }

        /** Accuracy of the forecasts scored so far. */
        public Accuracy accuracy() {
            return scorer.total();
        }

        public Round next(Actuator actuator, Recording recording) {
            if (!hasNext()) {
                throw new IllegalStateException("workload " + w.name() + ": the replay is over");
            }
            scorer.settleBefore(t);
            ServedModel serving = models.serving(w.name(), step.model());
            if (!serving.id().equals(step.model().id())) {
                step = step.withModel(serving);
            }
            Optional<Drift> drift = Optional.empty();
            if (scorer.rollingCount() >= monitorWindow && scorer.rollingCoverage() < minCoverage
                    && scorer.scored() - lastDrift >= monitorWindow) {
                DriftHandler.Response response = onDrift.onDrift(w.name(), full.head(t), step.model());
                step = step.withModel(response.model());
                drift = Optional.of(new Drift(w.name(), w.grid().timeAt(t), scorer.rollingCoverage(), response.action()));
                lastDrift = scorer.scored();
            }
            LoopPosition.Round r = position.next(step, w.name(), full.head(t), t);
            PlanningStep.Outcome outcome = r.outcome();
            Decision d = outcome.decision();
            actuator.apply(d);
            record(recording, w, outcome);
            position = r.next();
            if (outcome.forecast().isPresent() && !d.held()) {
                scorer.add(t, outcome.forecast().get());
            }
            Round round = new Round(t, outcome, drift);
            t += every;
            return round;
        }

        /** Scores what is still pending (horizons past the end of the data count what they can) and returns the total. */
        public Accuracy finish() {
            scorer.settleBefore(Integer.MAX_VALUE);
            return scorer.total();
        }
    }

    private void record(Recording recording, Workload w, PlanningStep.Outcome outcome) {
        recording.journal().ifPresent(j -> j.record(outcome.journal(recording.runId(), recording.actuatorName(),
                w.grid().stepSeconds(), percentile)));
    }

    /** Scores a workload's forecasts as their horizons pass. */
    private final class Scorer {

        private final Workload workload;
        private final Deque<Object[]> pending = new ArrayDeque<>();
        private final Deque<Double> rolling = new ArrayDeque<>();
        private double error;
        private int points;
        private int covered;
        private int forecasts;
        private int scored;

        Scorer(Workload workload) {
            this.workload = workload;
        }

        void add(int origin, Forecast f) {
            pending.add(new Object[] {origin, f.median(), f.quantile(percentile)});
            forecasts++;
        }

        /** Scores every pending forecast whose horizon ends before step t (all of them at the end). */
        void settleBefore(int t) {
            double[] d = workload.demand();
            while (!pending.isEmpty()) {
                Object[] p = pending.peek();
                int origin = (Integer) p[0];
                double[] median = (double[]) p[1];
                double[] upper = (double[]) p[2];
                if (origin + median.length > t && t != Integer.MAX_VALUE) {
                    return;
                }
                pending.poll();
                int in = 0;
                int n = 0;
                for (int h = 0; h < median.length && origin + h < d.length; h++) {
                    double actual = d[origin + h];
                    if (!Double.isNaN(actual)) {
                        error += Math.abs(actual - median[h]);
                        in += actual <= upper[h] ? 1 : 0;
                        n++;
                    }
                }
                points += n;
                covered += in;
                if (n > 0) {
                    rolling.add((double) in / n);
                    if (rolling.size() > monitorWindow) {
                        rolling.poll();
                    }
                    scored++;
                }
            }
        }

        int rollingCount() {
            return rolling.size();
        }

        double rollingCoverage() {
            return rolling.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        int scored() {
            return scored;
        }

        Accuracy total() {
            return new Accuracy(forecasts, points, points == 0 ? Double.NaN : error / points,
                    points == 0 ? Double.NaN : (double) covered / points);
        }
    }
}
