package io.prescient.plan.montecarlo;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.plan.scenario.Scenario;
import io.prescient.plan.scenario.ScenarioSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * N simulated futures = the forecast's sample paths x scenario draws. Paths come from the
 * forecast's quantiles through its own {@link io.prescient.forecast.PathCopula} (the Gaussian AR(1)
 * copula every sample path is drawn with, at the correlation the model declares); each path then draws every demand scenario
 * (it happens with its probability, with drawn timing and size) and is multiplied by one plus the
 * summed uplifts. Scenarios on covariates change the forecaster's inputs: a number of covariate
 * draws are each re-forecast once and the paths take them in turn. Paths are made in blocks of
 * {@value #BLOCK}, each with its own seeded generator, so the result depends on the seed only;
 * scenario draws use a separate generator from the paths', so two scenario sets simulated with the
 * same seed share their forecast paths (common random numbers: their difference is the scenarios').
 */
public final class MonteCarlo {

    static final int BLOCK = 1024;

    private final SimulationSettings settings;

    public MonteCarlo(SimulationSettings settings) {
        this.settings = settings;
    }

    /** Futures of a forecast under scenarios that all act on demand. */
    public Simulation run(Forecast forecast, ScenarioSet scenarios) {
        for (Scenario s : scenarios.scenarios()) {
            if (!s.target().equals(Scenario.DEMAND)) {
                throw new IllegalArgumentException("scenario '" + s.name() + "' changes covariate '" + s.target()
                        + "': simulate it with the forecaster that reads it");
            }
        }
        return simulate(forecast.grid(), List.of(QuantileGrid.of(forecast)), scenarios.scenarios());
    }

    /**
     * Futures where scenarios may also change covariates: {@code forecastFor} forecasts the horizon
     * from given future covariates (the fitted model's {@code forecast(horizon, covariates)}).
     */
    public Simulation run(Map<String, double[]> futureCovariates, Function<Map<String, double[]>, Forecast> forecastFor,
                          ScenarioSet scenarios) {
        List<Scenario> onDemand = new ArrayList<>();
        List<Scenario> onCovariates = new ArrayList<>();
        for (Scenario s : scenarios.scenarios()) {
            if (s.target().equals(Scenario.DEMAND)) {
                onDemand.add(s);
            } else if (!futureCovariates.containsKey(s.target())) {
                throw new IllegalArgumentException("scenario '" + s.name() + "' changes covariate '" + s.target()
                        + "', which the workload does not have; it has " + futureCovariates.keySet());
            } else {
                onCovariates.add(s);
            }
        }
        Forecast base = forecastFor.apply(futureCovariates);
        if (onCovariates.isEmpty()) {
            return simulate(base.grid(), List.of(QuantileGrid.of(base)), onDemand);
        }
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        List<QuantileGrid> grids = new ArrayList<>();
        for (int g = 0; g < settings.covariateDraws(); g++) {
            Map<String, double[]> drawn = new LinkedHashMap<>();
            futureCovariates.forEach((name, values) -> drawn.put(name, values.clone()));
            for (Scenario s : onCovariates) {
                if (random.nextDouble() < s.probability()) {
                    double[] uplift = new double[base.horizon()];
                    s.draw(base.grid(), random, uplift);
                    double[] x = drawn.get(s.target());
                    for (int h = 0; h < Math.min(x.length, uplift.length); h++) {
                        x[h] *= Math.max(0, 1 + uplift[h]);
                    }
                }
            }
            grids.add(QuantileGrid.of(forecastFor.apply(drawn)));
        }
        return simulate(base.grid(), grids, onDemand);
    }

    /**
     * Futures when the covariates' own futures are uncertain: one forecast per drawn covariate future
     * ({@code forecastFor}), the paths taking them in turn, so the demand paths carry both
     * uncertainties. Scenarios must act on demand.
     */
    public Simulation run(List<Map<String, double[]>> covariateFutures, Function<Map<String, double[]>, Forecast> forecastFor,
                          ScenarioSet scenarios) {
        if (covariateFutures.isEmpty()) {
            throw new IllegalArgumentException("need at least one drawn covariate future");
        }
        for (Scenario s : scenarios.scenarios()) {
            if (!s.target().equals(Scenario.DEMAND)) {
                throw new IllegalArgumentException("scenario '" + s.name() + "' changes covariate '" + s.target()
                        + "': the planning loop simulates scenarios on demand only");
            }
        }
        List<QuantileGrid> grids = new ArrayList<>();
        TimeGrid grid = null;
        for (Map<String, double[]> future : covariateFutures) {
            Forecast f = forecastFor.apply(future);
            grid = grid == null ? f.grid() : grid;
            grids.add(QuantileGrid.of(f));
        }
        return simulate(grid, grids, scenarios.scenarios());
    }

    private Simulation simulate(TimeGrid grid, List<QuantileGrid> grids, List<Scenario> onDemand) {
        int n = settings.paths();
        double[][] paths = new double[n][];
        int blocks = (n + BLOCK - 1) / BLOCK;
        SplittableRandom root = new SplittableRandom(settings.seed());
        List<SplittableRandom> seeds = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            seeds.add(root.split());
        }
        if (settings.threads() == 1) {
            for (int b = 0; b < blocks; b++) {
                block(b, seeds.get(b), grid, grids, onDemand, paths);
            }
            return new Simulation(grid, paths);
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "prescient-montecarlo");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int b = 0; b < blocks; b++) {
                int index = b;
                futures.add(pool.submit(() -> block(index, seeds.get(index), grid, grids, onDemand, paths)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return new Simulation(grid, paths);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void block(int b, SplittableRandom random, TimeGrid grid, List<QuantileGrid> grids, List<Scenario> onDemand,
                       double[][] paths) {
        int steps = grid.length();
        double[] uplift = new double[steps];
        SplittableRandom draws = random.split();
        for (int i = b * BLOCK; i < Math.min(paths.length, (b + 1) * BLOCK); i++) {
            QuantileGrid q = grids.get(i % grids.size());
            double[] path = q.path(random);
            if (!onDemand.isEmpty()) {
                Arrays.fill(uplift, 0);
                boolean any = false;
                for (Scenario s : onDemand) {
                    if (draws.nextDouble() < s.probability()) {
                        s.draw(grid, draws, uplift);
                        any = true;
                    }
                }
                if (any) {
                    for (int h = 0; h < steps; h++) {
                        path[h] *= Math.max(0, 1 + uplift[h]);
                    }
                }
            }
            paths[i] = path;
        }
    }
}
