package io.prescient.bench;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.neural.NeuralForecaster;
import io.prescient.neural.NeuralSpec;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.loop.LoopSettings;
import io.prescient.plan.loop.PlanningStep;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.Distribution;
import io.prescient.plan.scenario.ExternalEvent;
import io.prescient.plan.scenario.ScenarioSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The planning step with the LSTM in the loop, on a workload whose demand follows a covariate: 1,000
 * simulated futures of the covariate (its own forecast's paths, a campaign doubling it for an hour in
 * each) forecast by the network in batches of 256 (4 forward passes), 48 steps, then the Monte Carlo
 * over them and the P95. Includes fitting the covariate's forecast, not the network's training
 * (once, in the set-up, 20 s). Target: under 50 ms per workload.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class CovariateFuturesBench {

    private static final int DAY = 288;
    private static final int HORIZON = 48;

    @Param({"1000"})
    int futures;

    private PlanningStep step;
    private History history;
    private ScenarioSet campaign;

    private static History history(double level, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 14 * DAY;
        double[] users = new double[n];
        double[] demand = new double[n];
        double lift = 0;
        for (int t = 0; t < n; t++) {
            if (t % 24 == 0) {
                lift = r.nextDouble() < 0.3 ? 0.5 * r.nextDouble() : 0;
            }
            users[t] = level * (1 + 0.4 * Math.sin(2 * Math.PI * (t % DAY) / DAY)) * (1 + lift) + r.nextGaussian() * 0.02 * level;
            demand[t] = 2 * users[t] + r.nextGaussian() * 0.04 * level;
        }
        return new History(new TimeGrid(1_700_000_000L, 300, n), demand, Map.of("users", users), true);
    }

    @Setup
    public void setUp() {
        List<History> fleet = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            fleet.add(history(100 + 50 * s, s));
        }
        Forecaster lstm = new NeuralForecaster("lstm", NeuralSpec.defaults(NeuralSpec.Architecture.LSTM, DAY, HORIZON, List.of())
                .withBudget(20, 200), line -> { }).train(fleet);
        step = new PlanningStep(lstm, ScenarioSet.baseline(), new CapacityPlanner(new CapacityModel(100, 0.7, 1, 1000, 100, 6, 2, true)),
                new LoopSettings(HORIZON, 0.95, DAY, 6, 0.2, new SimulationSettings(futures, 42, futures, 1)));
        history = history(300, 99);
        long from = history.grid().end() + 12 * 300L;
        campaign = new ScenarioSet("campaign", List.of(new ExternalEvent("users double", "users", 1, from, from + 3600,
                new Distribution.Fixed(2.0))));
    }

    @Benchmark
    public double lstmOverCovariateFutures() {
        return step.simulate(history, campaign).simulation().percentile(0.95)[HORIZON - 1];
    }
}
