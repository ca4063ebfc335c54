package io.prescient.plan.montecarlo;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlan;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.scenario.Distribution;
import io.prescient.plan.scenario.ExternalEvent;
import io.prescient.plan.scenario.LoadSpike;
import io.prescient.plan.scenario.Scenario;
import io.prescient.plan.scenario.ScenarioSet;
import io.prescient.plan.scenario.Shape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MonteCarloTest {

    private static final TimeGrid GRID = new TimeGrid(1_700_000_000L, 300, 48);
    private static final CapacityPlanner CONTINUOUS = new CapacityPlanner(new CapacityModel(1, 1, 0, 1_000_000, 1_000_000, 0, 0, false));

    @Test
    void theP95PlanIsExceededInAboutFivePercentOfStepsOfTheTrueDistribution() {
        Forecast forecast = NormalForecasts.constant(GRID, 100, 10);
        Simulation futures = new MonteCarlo(SimulationSettings.defaults().withPaths(20_000)).run(forecast, ScenarioSet.baseline());
        CapacityPlan plan = CONTINUOUS.plan(futures, 0.95, 100);
        SplittableRandom truth = new SplittableRandom(99);
        int exceeded = 0;
        int steps = 0;
        for (int day = 0; day < 400; day++) {
            for (int h = 0; h < GRID.length(); h++) {
                if (100 + 10 * truth.nextGaussian() > plan.capacity()[h]) {
                    exceeded++;
                }
                steps++;
            }
        }
        assertEquals(0.05, (double) exceeded / steps, 0.005);
        assertEquals(100 + 10 * 1.6449, futures.percentile(0.95)[7], 0.5);
    }

    @Test
    void aKnownEventRaisesThePlanByItsSizeAtItsStepsOnly() {
        Forecast forecast = NormalForecasts.constant(GRID, 100, 10);
        long from = GRID.timeAt(10);
        long to = GRID.timeAt(20);
        ScenarioSet campaign = new ScenarioSet("campaign", List.of(
                new ExternalEvent("campaign", Scenario.DEMAND, 1, from, to, new Distribution.Fixed(1.5))));
        MonteCarlo mc = new MonteCarlo(SimulationSettings.defaults());
        double[] base = CONTINUOUS.plan(mc.run(forecast, ScenarioSet.baseline()), 0.95, 100).capacity();
        double[] raised = CONTINUOUS.plan(mc.run(forecast, campaign), 0.95, 100).capacity();
        for (int h = 0; h < GRID.length(); h++) {
            double expected = h >= 10 && h < 20 ? 1.5 * base[h] : base[h];
            assertEquals(expected, raised[h], 1e-9, "step " + h);
        }
    }

    @Test
    void spikesAddTheirExpectedUpliftToTheMean() {
        Forecast forecast = NormalForecasts.constant(GRID, 100, 1);
        // one spike a day on average, +100% for one hour (12 steps), step shape: over 4 hours the
        // expected count is 1/6, each covering 12 of 48 steps, so the mean rises by 100 * 1/6 * 12/48.
        ScenarioSet spikes = new ScenarioSet("spikes", List.of(new LoadSpike("spike", Scenario.DEMAND, 1, 1,
                new Distribution.Fixed(1.0), new Distribution.Fixed(3600), Shape.STEP)));
        double[] mean = new MonteCarlo(SimulationSettings.defaults().withPaths(50_000)).run(forecast, spikes).mean();
        double average = Arrays.stream(mean).average().orElseThrow();
        // spikes starting late in the horizon are cut at its end: expected uplift per step is lower there
        double expected = 0;
        for (int h = 0; h < 48; h++) {
            expected += 100 + 100 * (1.0 / 6) * Math.min(h + 1, 12) / 48.0;
        }
        assertEquals(expected / 48, average, 0.6);
    }

    @Test
    void theSameSeedGivesTheSameFuturesWhateverTheThreads() {
        Forecast forecast = NormalForecasts.constant(GRID, 100, 10);
        ScenarioSet spikes = new ScenarioSet("spikes", List.of(new LoadSpike("s", Scenario.DEMAND, 0.5, 3,
                new Distribution.Uniform(0.2, 0.8), new Distribution.Fixed(1800), Shape.DECAY)));
        Simulation one = new MonteCarlo(SimulationSettings.defaults().withPaths(5000)).run(forecast, spikes);
        Simulation two = new MonteCarlo(SimulationSettings.defaults().withPaths(5000).withThreads(2)).run(forecast, spikes);
        assertArrayEquals(one.percentile(0.95), two.percentile(0.95), 0.0);
        assertArrayEquals(one.path(4321), two.path(4321), 0.0);
    }

    @Test
    void aCovariateScenarioIsFedToTheForecasterWithItsProbability() {
        double[] users = new double[GRID.length()];
        Arrays.fill(users, 50);
        long from = GRID.timeAt(24);
        MonteCarlo mc = new MonteCarlo(SimulationSettings.defaults());
        // demand is twice the users, so doubling the users doubles demand through the model, not the paths
        java.util.function.Function<List<Map<String, double[]>>, List<Forecast>> model = inputs -> inputs.stream()
                .<Forecast>map(c -> NormalForecasts.of(GRID, Arrays.stream(c.get("users")).map(u -> 2 * u).toArray(), 1)).toList();
        ScenarioSet campaign = new ScenarioSet("campaign", List.of(
                new ExternalEvent("more users", "users", 1, from, GRID.end(), new Distribution.Fixed(2.0))));
        List<Map<String, double[]>> inputs = java.util.Collections.nCopies(mc.inputDraws(), Map.of("users", users));
        double[] median = mc.run(GRID, inputs, model, campaign).percentile(0.5);
        assertEquals(100, median[10], 0.2);
        assertEquals(200, median[30], 0.2, "users doubled from the event on, and demand with them");

        ScenarioSet maybe = new ScenarioSet("maybe", List.of(
                new ExternalEvent("more users", "users", 0.3, from, GRID.end(), new Distribution.Fixed(2.0))));
        Simulation futures = mc.run(GRID, inputs, model, maybe);
        int raised = 0;
        for (int i = 0; i < futures.pathCount(); i++) {
            raised += futures.path(i)[30] > 150 ? 1 : 0;
        }
        assertEquals(0.3, (double) raised / futures.pathCount(), 0.03, "the scenario happens in 30% of the futures");
        assertThrows(IllegalArgumentException.class, () -> mc.run(NormalForecasts.constant(GRID, 1, 1), campaign));
        assertThrows(IllegalArgumentException.class, () -> mc.run(GRID, List.of(Map.of("sessions", users)), model, campaign),
                "a scenario on a covariate the workload lacks");
    }

    @Test
    void exceedanceProbabilitiesMatchTheNormalTail() {
        Simulation futures = new MonteCarlo(SimulationSettings.defaults().withPaths(40_000))
                .run(NormalForecasts.constant(GRID, 100, 10), ScenarioSet.baseline());
        double[] capacity = new double[GRID.length()];
        Arrays.fill(capacity, 120);
        assertEquals(0.0228, futures.exceedance(capacity)[20], 0.003);
    }

    /** Pearson correlation of steps h and h+1 across the futures. */
    private static double lagOneCorrelation(Simulation futures, int paths, int h) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < paths; i++) {
            double x = futures.path(i)[h];
            double y = futures.path(i)[h + 1];
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        double cov = sxy / paths - sx / paths * sy / paths;
        return cov / Math.sqrt((sxx / paths - sx * sx / paths / paths) * (syy / paths - sy * sy / paths / paths));
    }

    @Test
    void futuresMoveTogetherStepToStepAsTheForecastDeclares() {
        int paths = 20_000;
        MonteCarlo mc = new MonteCarlo(SimulationSettings.defaults().withPaths(paths));
        double[] mean = new double[GRID.length()];
        Arrays.fill(mean, 100);
        for (double rho : new double[] {0.9, 0.3}) {
            Simulation futures = mc.run(NormalForecasts.of(GRID, mean, 10, rho), ScenarioSet.baseline());
            assertEquals(rho, lagOneCorrelation(futures, paths, 5), 0.02, "lag-1 correlation of the futures, declared " + rho);
            assertEquals(rho, lagOneCorrelation(futures, paths, 30), 0.02, "lag-1 correlation of the futures, declared " + rho);
            // and two steps apart, the AR(1)'s rho squared: the steps are a chain, not pairs
            double sx = 0;
            double sxy = 0;
            for (int i = 0; i < paths; i++) {
                sx += futures.path(i)[10] - 100;
                sxy += (futures.path(i)[10] - 100) * (futures.path(i)[12] - 100);
            }
            assertEquals(rho * rho, sxy / paths / 100, 0.03, "lag-2 correlation, declared " + rho);
        }
    }

    @Test
    void aScenarioHappensInTheShareOfFuturesItsProbabilitySays() {
        int paths = 20_000;
        ScenarioSet maybe = new ScenarioSet("maybe", List.of(
                new ExternalEvent("campaign", Scenario.DEMAND, 0.3, GRID.start(), GRID.end(), new Distribution.Fixed(2.0))));
        Simulation futures = new MonteCarlo(SimulationSettings.defaults().withPaths(paths)).run(NormalForecasts.constant(GRID, 100, 1), maybe);
        int happened = 0;
        for (int i = 0; i < paths; i++) {
            double[] path = futures.path(i);
            boolean high = path[0] > 150;
            for (double v : path) {
                assertEquals(high, v > 150, "a drawn event covers the whole horizon of its future, or none of it");
            }
            happened += high ? 1 : 0;
        }
        assertEquals(0.3, (double) happened / paths, 0.015);
        assertEquals(200, futures.percentile(0.9)[20], 1.0);
        assertEquals(100, futures.percentile(0.5)[20], 1.0);
    }
}
