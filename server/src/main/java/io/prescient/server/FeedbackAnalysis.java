package io.prescient.server;

import io.prescient.feedback.analysis.LoopStability;
import io.prescient.feedback.equilibrium.Equilibrium;
import io.prescient.feedback.equilibrium.PlanningScenario;
import io.prescient.feedback.equilibrium.SolverSettings;
import io.prescient.feedback.forecast.DemandForecast;
import io.prescient.feedback.forecast.FeedbackBacktest;
import io.prescient.feedback.forecast.FeedbackForecaster;
import io.prescient.feedback.forecast.OperatingFacts;
import io.prescient.feedback.policy.CostModel;
import io.prescient.feedback.policy.PolicyEvaluator;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.LaunchDecision;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * The dashboard's feedback-aware view, on a simulated world (feedback strength and seed given): the
 * naive against the equilibrium (feedback-aware) forecast over the actual demand, the behaviour
 * responses the aware forecast expects (launch delays, efficiency work, utilisation), whether the
 * capacity-behaviour loop is stable at the equilibrium, and the cost/SLA frontier over capacity
 * policies. Computed once, on first request.
 */
final class FeedbackAnalysis implements Supplier<Map<String, Object>> {

    private static final int AT = 300;
    private static final int HORIZON = 30;

    private final double strength;
    private final long seed;
    private Map<String, Object> computed;

    FeedbackAnalysis(double strength, long seed) {
        this.strength = strength;
        this.seed = seed;
    }

    @Override
    public synchronized Map<String, Object> get() {
        if (computed == null) {
            computed = compute();
        }
        return computed;
    }

    private Map<String, Object> compute() {
        WorldParameters d = WorldParameters.defaults(strength, seed);
        WorldSimulator.World world = new WorldSimulator(d).run(LocalDate.of(2026, 1, 1));
        List<HistoryRow> past = world.history().subList(0, AT);
        List<LaunchDecision> log = world.decisions().stream().filter(x -> x.day() < AT).toList();
        double[] actual = world.history().subList(AT, AT + HORIZON).stream().mapToDouble(HistoryRow::actualDemand).toArray();
        FeedbackForecaster f = new FeedbackForecaster(OperatingFacts.of(d), HORIZON, 200, seed);
        DemandForecast naive = f.naive(past, world.calendar());
        DemandForecast aware = f.feedbackAware(past, log, world.calendar());
        PlanningScenario scenario = new FeedbackBacktest(OperatingFacts.of(d), HORIZON, 200).scenario(past, log, world.calendar());
        Equilibrium eq = Equilibrium.solve(scenario, SolverSettings.anderson());
        LoopStability stability = LoopStability.at(Equilibrium.map(scenario), eq.converged() ? eq.demand() : scenario.unconstrained(), 1e-4);
        PolicyEvaluator evaluator = new PolicyEvaluator(s -> WorldParameters.defaults(strength, s), new CostModel(1000, 50, 5000));
        List<Map<String, Object>> frontier = evaluator.paretoFrontier(new double[] {0.6, 0.7, 0.75, 0.8, 0.9}, new double[] {0.3, 0.5, 0.9},
                LongStream.rangeClosed(101, 104).toArray()).stream().map(t -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("target_utilisation", t.policy().targetUtilisation());
                    m.put("aggressiveness", t.policy().aggressiveness());
                    m.put("capacity_cost", t.capacityCost());
                    m.put("unserved", t.unserved());
                    m.put("delayed_launch_days", t.delayedLaunchDays());
                    return m;
                }).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("world", Map.of("strength", strength, "seed", seed, "origin_day", AT, "horizon_days", HORIZON));
        m.put("days", aware.days().stream().map(LocalDate::toString).toList());
        m.put("actual", actual);
        m.put("naive", naive.median());
        m.put("aware", aware.median());
        m.put("aware_p10", aware.p10());
        m.put("aware_p90", aware.p90());
        m.put("utilisation", aware.utilisation());
        m.put("delays", aware.delays());
        m.put("efficiency", aware.efficiency());
        m.put("mape", Map.of("naive", naive.mape(actual), "aware", aware.mape(actual)));
        m.put("equilibrium", Map.of("converged", eq.converged(), "iterations", eq.fixedPoint().iterations()));
        m.put("stability", Map.of("verdict", stability.verdict().name(), "spectral_radius", stability.spectralRadius(),
                "description", stability.describe()));
        m.put("frontier", frontier);
        return m;
    }
}
