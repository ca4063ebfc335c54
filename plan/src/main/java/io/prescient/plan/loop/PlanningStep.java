package io.prescient.plan.loop;

import io.prescient.core.Steps;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.capacity.CapacityPlan;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.montecarlo.MonteCarlo;
import io.prescient.plan.montecarlo.Simulation;
import io.prescient.plan.scenario.HistoryEdit;
import io.prescient.plan.scenario.ScenarioSet;

import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of the planning loop for one workload, as a pure function of what it is given: check the
 * data, forecast, simulate futures under the scenarios, plan, and order what the plan needs a lead
 * time from now. Whatever goes wrong (the series stopped, a burst of missing values, the model
 * throws or returns nonsense) gives a decision that holds the capacity in place, with the reason:
 * the loop never scales blindly.
 */
public final class PlanningStep {

    private final ServedModel model;
    private final Forecaster forecaster;
    private final ScenarioSet scenarios;
    private final CapacityPlanner planner;
    private final LoopSettings settings;

    public PlanningStep(ServedModel model, ScenarioSet scenarios, CapacityPlanner planner, LoopSettings settings) {
        this.model = model;
        this.forecaster = model.forecaster();
        this.scenarios = scenarios;
        this.planner = planner;
        this.settings = settings;
    }

    /** A step planning with a model outside the registry. */
    public PlanningStep(Forecaster forecaster, ScenarioSet scenarios, CapacityPlanner planner, LoopSettings settings) {
        this(ServedModel.unregistered(forecaster), scenarios, planner, settings);
    }

    /** The same step with another model (the champion after a retrain-validate-promote cycle, a promotion or a rollback). */
    public PlanningStep withModel(ServedModel other) {
        return new PlanningStep(other, scenarios, planner, settings);
    }

    /** The model this step plans with. */
    public ServedModel model() {
        return model;
    }

    public Forecaster forecaster() {
        return forecaster;
    }

    public LoopSettings settings() {
        return settings;
    }

    public CapacityPlanner planner() {
        return planner;
    }

    /** Steps between ordering a change and it being in place. */
    public int leadSteps() {
        return planner.model().leadSteps();
    }

    /**
     * A decision, the forecast behind it when one was made (for recording accuracy), and the model
     * that made it (a registry version's id, else the model's name).
     */
    public record Outcome(Decision decision, Optional<Forecast> forecast, String model) {

        /** The journal's record of this step, with the forecast's median and {@code percentile}. */
        public io.prescient.core.store.PlanningJournal.Step journal(String runId, String actuator, long stepSeconds,
                                                                    double percentile) {
            double[] median = new double[0];
            double[] upper = new double[0];
            if (forecast.isPresent() && !decision.held()) {
                median = forecast.get().median();
                upper = forecast.get().quantile(percentile);
            }
            double[] capacity = decision.plan().map(p -> p.capacity()).orElse(new double[0]);
            return new io.prescient.core.store.PlanningJournal.Step(runId, decision.workload(), decision.time(), stepSeconds,
                    percentile, median, upper, capacity, decision.from(), decision.units(), decision.held(), actuator,
                    decision.reason(), model);
        }
    }

    /** The percentile this step provisions for. */
    public double percentile() {
        return settings.percentile();
    }

    public Outcome decide(String workload, History history, double currentUnits) {
        return decide(workload, history, currentUnits, Integer.MAX_VALUE / 2);
    }

    /** As {@link #decide(String, History, double)}, when the units last changed {@code stepsSinceChange} steps ago. */
    public Outcome decide(String workload, History history, double currentUnits, int stepsSinceChange) {
        long now = history.grid().end();
        Optional<String> dataProblem = dataProblem(history);
        if (dataProblem.isPresent()) {
            return new Outcome(Decision.hold(workload, now, currentUnits, dataProblem.get()), Optional.empty(), model.id());
        }
        Futures f;
        try {
            f = simulate(history, scenarios);
        } catch (ModelFailure e) {
            return new Outcome(Decision.hold(workload, now, currentUnits, e.getMessage()), e.forecast, model.id());
        }
        Forecast forecast = f.forecast();
        Simulation futures = f.simulation();
        CapacityPlan plan = planner.plan(futures, settings.percentile(), currentUnits, stepsSinceChange);
        int lead = Math.min(planner.model().leadSteps(), settings.horizon() - 1);
        double units = plan.units()[lead];
        String reason = plan.changes().stream().filter(c -> c.orderStep() == 0).map(CapacityPlan.Change::reason)
                .reduce((a, b) -> b).orElse(String.format(Locale.ROOT, "keep %s units: the P%s plan needs no change %s",
                        Decision.fmt(currentUnits), Decision.fmt(100 * settings.percentile()),
                        lead > 0 ? "a lead time ahead" : "now"));
        if (plan.capped()) {
            reason += String.format(Locale.ROOT, "; CAPPED: max_units %d leaves up to %s of P%s demand unserved at %d of %d planned steps",
                    planner.model().maxUnits(), Decision.fmt(plan.shortfall()), Decision.fmt(100 * settings.percentile()),
                    plan.cappedSteps(), plan.units().length);
        }
        return new Outcome(new Decision(workload, now, currentUnits, units, false, reason, Optional.of(plan)), Optional.of(forecast), model.id());
    }

    /**
     * The forecast a history gives and the futures simulated from it under {@code set}: the model's
     * own sample paths times the scenarios, and, for a model that reads covariates, one forecast per
     * drawn covariate future, mixed. The loop, the what-if and {@code plan} all simulate here.
     *
     * @param forecast what is scored and journaled: the model's forecast, or the mixture's quantiles
     */
    public record Futures(Forecast forecast, Simulation simulation) {
    }

    /** The model failed or returned nonsense: the step holds with this message. */
    public static final class ModelFailure extends RuntimeException {

        private final transient Optional<Forecast> forecast;

        ModelFailure(String message, Optional<Forecast> forecast) {
            super(message);
            this.forecast = forecast;
        }
    }

    /**
     * @throws ModelFailure when the model throws or returns a non-finite forecast
     * @throws IllegalArgumentException for a scenario that cannot reach the plan (see {@link #reach})
     */
    public Futures simulate(History original, ScenarioSet all) {
        reach(all, original.covariates().keySet());
        History history = edited(original, all);
        ScenarioSet set = new ScenarioSet(all.name(), all.scenarios().stream()
                .filter(s -> !(s instanceof HistoryEdit)).toList());
        Forecast forecast;
        io.prescient.forecast.FittedModel fitted;
        Map<String, Forecast> ahead;
        try {
            fitted = forecaster.fit(history);
            ahead = forecaster.readsCovariates() ? history.covariateForecasts(settings.horizon(), settings.season()) : Map.of();
            forecast = fitted.forecast(settings.horizon(), History.medians(ahead));
        } catch (RuntimeException e) {
            throw new ModelFailure("forecaster " + forecaster.name() + " failed: " + e.getMessage(), Optional.empty());
        }
        for (double q : new double[] {0.5, settings.percentile()}) {
            for (double v : forecast.quantile(q)) {
                if (!Double.isFinite(v)) {
                    throw new ModelFailure("forecaster " + forecaster.name() + " returned a non-finite forecast", Optional.of(forecast));
                }
            }
        }
        MonteCarlo engine = new MonteCarlo(settings.simulation());
        if (!forecaster.readsCovariates() || history.covariates().isEmpty()) {
            return new Futures(forecast, engine.run(forecast, set));
        }
        Simulation futures;
        try {
            futures = engine.run(forecast.grid(), covariateDraws(ahead, engine.inputDraws()),
                    inputs -> fitted.forecastAll(settings.horizon(), inputs), set);
        } catch (RuntimeException e) {
            throw new ModelFailure("forecaster " + forecaster.name() + " failed on a drawn covariate future: " + e.getMessage(),
                    Optional.of(forecast));
        }
        return new Futures(mixture(futures, forecast.model() + " over drawn covariates", forecast.pathCorrelation()), futures);
    }

    /**
     * How each scenario of {@code set} reaches this step's plan, for a workload with {@code covariates}:
     * one on a covariate through the model's inputs (the model forecasts the changed covariate), one on
     * demand by multiplying the model's sample paths.
     *
     * @throws IllegalArgumentException for a scenario on a covariate the workload lacks or the model does not read
     */
    public List<String> reach(ScenarioSet set, java.util.Set<String> covariates) {
        List<String> out = new java.util.ArrayList<>();
        for (io.prescient.plan.scenario.Scenario s : set.scenarios()) {
            boolean edit = s instanceof HistoryEdit;
            if (s.target().equals(io.prescient.plan.scenario.Scenario.DEMAND)) {
                out.add("scenario '" + s.name() + (edit ? "' edits the demand's history: model " + forecaster.name()
                        + " is fitted on the edited past" : "' acts on demand: it multiplies the model's sample paths"));
            } else if (!covariates.contains(s.target())) {
                throw new IllegalArgumentException("scenario '" + s.name() + "' changes covariate '" + s.target()
                        + "', which the workload does not have (it has " + (covariates.isEmpty() ? "none" : covariates)
                        + "): name it under the workload's covariates in the config, or --covariates");
            } else if (!forecaster.readsCovariates()) {
                throw new IllegalArgumentException("scenario '" + s.name() + "' changes covariate '" + s.target() + "', but model "
                        + forecaster.name() + " does not read covariates: plan with one that does (dynreg, lstm, transformer)");
            } else if (edit) {
                out.add("scenario '" + s.name() + "' edits the history of covariate '" + s.target() + "': model "
                        + forecaster.name() + " is fitted on the edited past");
            } else {
                out.add("scenario '" + s.name() + "' acts on covariate '" + s.target() + "': model " + forecaster.name()
                        + " forecasts each simulated future of it");
            }
        }
        return out;
    }

    /** {@code history} with the history-editing scenarios of {@code set} applied, in order. */
    private History edited(History history, ScenarioSet set) {
        double[] target = null;
        Map<String, double[]> covariates = null;
        for (io.prescient.plan.scenario.Scenario s : set.scenarios()) {
            if (s instanceof HistoryEdit e) {
                if (target == null) {
                    target = history.target();
                    covariates = history.covariates();
                }
                if (e.target().equals(io.prescient.plan.scenario.Scenario.DEMAND)) {
                    target = e.edit(history.grid(), target, settings.season());
                } else {
                    covariates.put(e.target(), e.edit(history.grid(), covariates.get(e.target()), settings.season()));
                }
            }
        }
        return target == null ? history : new History(history.grid(), target, covariates, history.nonNegative());
    }

    /** The same step under other scenarios (what-if). */
    public PlanningStep withScenarios(ScenarioSet other) {
        return new PlanningStep(model, other, planner, settings);
    }

    /** The same step with other settings (what-if: its percentile and number of futures). */
    public PlanningStep withSettings(LoopSettings other) {
        return new PlanningStep(model, scenarios, planner, other);
    }

    public ScenarioSet scenarios() {
        return scenarios;
    }

    private static final double[] MIXTURE_LEVELS = {0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99};

    /**
     * {@code n} futures of the covariates, each a sample path of their own forecasts (seeded), so
     * the plan carries their uncertainty too.
     */
    private List<Map<String, double[]>> covariateDraws(Map<String, Forecast> ahead, int n) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(settings.simulation().seed() ^ 0x9E3779B97F4A7C15L);
        List<Map<String, double[]>> draws = new java.util.ArrayList<>();
        for (int g = 0; g < n; g++) {
            draws.add(new java.util.TreeMap<>());
        }
        ahead.forEach((name, f) -> {
            double[][] paths = MonteCarlo.samplePaths(f, n, random);
            for (int g = 0; g < n; g++) {
                draws.get(g).put(name, paths[g]);
            }
        });
        return draws;
    }

    /** The forecast the simulated futures make: their quantiles per step (what is scored and journaled). */
    private Forecast mixture(Simulation futures, String model, double pathCorrelation) {
        double[][] values = new double[futures.grid().length()][MIXTURE_LEVELS.length];
        for (int k = 0; k < MIXTURE_LEVELS.length; k++) {
            double[] q = futures.percentile(MIXTURE_LEVELS[k]);
            for (int h = 0; h < q.length; h++) {
                values[h][k] = k == 0 ? q[h] : Math.max(q[h], values[h][k - 1]);
            }
        }
        return new io.prescient.forecast.QuantileTableForecast(futures.grid(), model, MIXTURE_LEVELS, values, futures.mean(),
                pathCorrelation);
    }

    /** Why the history cannot be planned from (no data, a stopped series, ...), the reason a round holds with; empty when it can. */
    public Optional<String> dataProblem(History history) {
        double[] y = history.target();
        int missingTail = 0;
        for (int t = y.length - 1; t >= 0 && Double.isNaN(y[t]); t--) {
            missingTail++;
        }
        if (missingTail == y.length) {
            return Optional.of("the series has no data");
        }
        if (missingTail >= settings.maxMissingSteps()) {
            return Optional.of(String.format(Locale.ROOT, "no data for the last %d steps (the series stopped?)", missingTail));
        }
        int day = settings.season();
        int from = Math.max(0, y.length - day);
        int missing = 0;
        int gap = 0;
        int longestGap = 0;
        int longestGapEnd = -1;
        for (int t = from; t < y.length; t++) {
            if (Double.isNaN(y[t])) {
                missing++;
                gap++;
                if (gap > longestGap) {
                    longestGap = gap;
                    longestGapEnd = t;
                }
            } else {
                gap = 0;
            }
        }
        int counted = y.length - from;
        // an outage that has ended (a gap of at least maxMissingSteps with `recovery` fresh steps after it) does not
        // hold the loop until a day of fresh data has passed: it plans from the data it has
        int recovery = Math.max(2, Math.min(settings.maxMissingSteps(), leadSteps()));
        if (longestGap >= settings.maxMissingSteps() && y.length - 1 - longestGapEnd >= recovery) {
            missing -= longestGap;
            counted -= longestGap;
        }
        double share = (double) missing / counted;
        if (share > settings.maxMissingShare()) {
            return Optional.of(String.format(Locale.ROOT, "%.0f%% of the last day is missing (more than %.0f%%)", 100 * share,
                    100 * settings.maxMissingShare()));
        }
        return Optional.empty();
    }
}
