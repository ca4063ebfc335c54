package io.prescient.bench;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.MarginalForecast;
import io.prescient.forecast.QuantileTableForecast;
import io.prescient.plan.montecarlo.MonteCarlo;
import io.prescient.plan.montecarlo.Simulation;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.Distribution;
import io.prescient.plan.scenario.LoadSpike;
import io.prescient.plan.scenario.Scenario;
import io.prescient.plan.scenario.ScenarioSet;
import io.prescient.plan.scenario.Shape;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * 10,000 simulated futures of 48 steps for one series on one thread: sample paths from a quantile
 * forecast (13 levels, as the neural models give), with and without a load-spike scenario, including
 * sorting each step for percentiles. Target: under 100 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MonteCarloBench {

    @Param({"10000"})
    int paths;

    @Param({"baseline", "spikes"})
    String scenarios;

    private Forecast forecast;
    private ScenarioSet set;
    private MonteCarlo engine;

    @Setup
    public void setUp() {
        TimeGrid grid = new TimeGrid(1_700_000_000L, 300, 48);
        double[] levels = {0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};
        double[][] values = new double[48][levels.length];
        double[] mean = new double[48];
        for (int h = 0; h < 48; h++) {
            mean[h] = 100 + 20 * Math.sin(h / 8.0);
            for (int k = 0; k < levels.length; k++) {
                values[h][k] = mean[h] + (5 + h / 4.0) * MarginalForecast.normalQuantile(levels[k]);
            }
        }
        forecast = new QuantileTableForecast(grid, "bench", levels, values, mean, 0.9);
        set = scenarios.equals("spikes") ? new ScenarioSet("spikes", List.of(new LoadSpike("spikes", Scenario.DEMAND, 0.7, 3,
                new Distribution.LogNormal(0.4, 0.5), new Distribution.Uniform(600, 3600), Shape.DECAY))) : ScenarioSet.baseline();
        engine = new MonteCarlo(SimulationSettings.defaults().withPaths(paths));
    }

    @Benchmark
    public double simulateAndTakeP95() {
        Simulation s = engine.run(forecast, set);
        return s.percentile(0.95)[47];
    }
}
