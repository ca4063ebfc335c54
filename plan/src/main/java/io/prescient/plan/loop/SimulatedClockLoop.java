package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.History;
import io.prescient.forecast.registry.ServedModel;

import java.util.ArrayList;
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

    /** Every decision, each workload's accuracy, and the drift events. */
    public record Result(List<Decision> decisions, Map<String, Accuracy> accuracy, List<Drift> drifts) {

        /**
         * What the workload's capacity cost over the replayed steps, against a reactive rule on the same demand: the
         * capacity in place at each step is what the latest decision a lead time or more before it ordered (an order arrives
         * a lead time after it is made), or before any such, the units the first decision found.
         */
        public io.prescient.plan.capacity.CostComparison costs(Workload w, double unitPrice) {
            io.prescient.plan.capacity.CapacityModel model = w.step().planner().model();
            List<Decision> mine = decisions.stream().filter(d -> d.workload().equals(w.name())).toList();
            int n = Math.max(0, Math.min(w.until(), w.demand().length) - w.from());
            double[] demand = new double[n];
            double[] capacity = new double[n];
            long lead = model.leadSteps() * w.grid().stepSeconds();
            int next = 0;
            double inPlace = mine.isEmpty() ? Double.NaN : mine.get(0).from();
            for (int i = 0; i < n; i++) {
                long t = w.grid().timeAt(w.from() + i);
                while (next < mine.size() && mine.get(next).time() <= t - lead) {
                    inPlace = mine.get(next++).units();
                }
                demand[i] = w.demand()[w.from() + i];
                capacity[i] = inPlace * model.unitCapacity();
            }
            return io.prescient.plan.capacity.CostComparison.of(demand, capacity, w.grid().stepSeconds(), model, unitPrice);
        }
    }

    private final int monitorWindow;
    private final double minCoverage;
    private final DriftHandler onDrift;
    private final ModelWatch models;

    /**
     * @param models asked before every round which model a workload serves now (a promotion or a rollback in the
     *               registry changes it from the next round on)
     */
    public SimulatedClockLoop(int monitorWindow, double minCoverage, DriftHandler onDrift, ModelWatch models) {
        this.monitorWindow = monitorWindow;
        this.minCoverage = minCoverage;
        this.onDrift = onDrift;
        this.models = models;
    }

    /** A loop whose workloads keep their model unless drift replaces it. */
    public SimulatedClockLoop(int monitorWindow, double minCoverage, DriftHandler onDrift) {
        this(monitorWindow, minCoverage, onDrift, ModelWatch.FIXED);
    }

    /** A loop with the default monitor (drift below 85% coverage over 24 forecasts), reporting drift only. */
    public SimulatedClockLoop() {
        this(24, 0.85, DriftHandler.REPORT_ONLY);
    }

    public Result run(List<Workload> workloads, int every, Actuator actuator, Recording recording) {
        List<Decision> decisions = new ArrayList<>();
        Map<String, Accuracy> accuracy = new LinkedHashMap<>();
        List<Drift> drifts = new ArrayList<>();
        for (Workload w : workloads) {
            Cursor cursor = start(w, every);
            while (cursor.hasNext()) {
                LoopRound round = cursor.next(actuator, recording);
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

        private final Workload w;
        private final int every;
        private final ForecastMonitor monitor;
        private final History full;
        private PlanningStep step;
        private LoopPosition position;
        private int t;

        private Cursor(Workload w, int every) {
            this.w = w;
            this.every = every;
            this.monitor = new ForecastMonitor(w.step().percentile(), monitorWindow, minCoverage);
            this.full = new History(w.grid(), w.demand(), w.covariates(), w.nonNegative());
            this.step = w.step();
            this.position = LoopPosition.start(w.initialUnits());
            this.t = w.from();
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
            return monitor.total();
        }

        public LoopRound next(Actuator actuator, Recording recording) {
            if (!hasNext()) {
                throw new IllegalStateException("workload " + w.name() + ": the replay is over");
            }
            long now = w.grid().timeAt(t);
            History seen = full.head(t);
            monitor.settle(now, full);
            ServedModel serving = models.serving(w.name(), step.model());
            if (!serving.id().equals(step.model().id())) {
                step = step.withModel(serving);
            }
            Optional<Drift> drift = Optional.empty();
            if (monitor.driftDue(seen.grid().last(), (long) onDrift.stepsNeeded() * seen.grid().stepSeconds())) {
                DriftHandler.Response response = onDrift.onDrift(w.name(), seen, step.model());
                step = step.withModel(response.model());
                drift = Optional.of(new Drift(w.name(), now, monitor.driftCoverage(), response.action()));
                monitor.drifted();
            }
            LoopPosition.Round r = position.next(step, w.name(), seen, t);
            PlanningStep.Outcome outcome = r.outcome();
            Decision d = outcome.decision();
            io.prescient.core.store.PlanningJournal.Step recorded = outcome.journal(recording.runId(), recording.actuatorName(),
                    w.grid().stepSeconds(), w.step().percentile());
            try {
                recording.record(recorded);
            } catch (io.prescient.core.store.StoreException e) {
                // as on the live clock: nothing unrecorded is actuated, the units in place stay, the round carries the fault
                String reason = "the store failed: " + e.getMessage() + "; holding " + position.units() + " units, nothing actuated";
                PlanningStep.Outcome held = new PlanningStep.Outcome(Decision.hold(w.name(), now, position.units(), reason),
                        Optional.empty(), step.model().id());
                t += every;
                return new LoopRound(w.name(), now, seen, step, held, drift, monitor.total(), Optional.of(LoopRound.Fault.store(e.getMessage())));
            }
            Optional<LoopRound.Fault> failure = LiveClockLoop.actuate(actuator, d);
            Optional<LoopRound.Fault> unrecorded = recording.actuated(recorded, failure, actuator.dryRun());
            Optional<LoopRound.Fault> actuation = failure.or(() -> unrecorded);
            position = r.next();
            if (outcome.forecast().isPresent() && !d.held()) {
                monitor.add(outcome.forecast().get());
            }
            t += every;
            return new LoopRound(w.name(), now, seen, step, outcome, drift, monitor.total(), actuation);
        }

        /** Scores what is still pending (horizons past the end of the data count what they can) and returns the total. */
        public Accuracy finish() {
            monitor.settleAll(full);
            return monitor.total();
        }
    }

}
