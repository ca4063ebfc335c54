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
 * summed uplifts. Scenarios on covariates change the model's inputs: drawn futures of the
 * covariates, perturbed by the scenarios, are forecast by the fitted model in one batch and the paths
 * take those forecasts in turn. Paths are made in blocks of
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
        return simulate(forecast.grid(), List.of(QuantileGrid.of(forecast)::path), scenarios.scenarios());
    }

    /**
     * Input futures a simulation through the model draws: the settings' covariate draws, whatever the
     * scenarios, so two scenario sets compared on the same seed share their inputs (common random
     * numbers) and differ by the scenarios only.
     */
    public int inputDraws() {
        return settings.covariateDraws();
    }

    /**
     * Futures through the model's inputs: each drawn future of the covariates ({@code inputs}, as many
     * as {@link #inputDraws()}) takes the scenarios on covariates that happen in it (each with its
     * probability, drawn timing and size: the covariate is multiplied by one plus the uplift), the
     * fitted model forecasts them all at once ({@code forecastAll}, one batch through a network), and
     * the paths take those forecasts in turn, each path drawn from its forecast's own copula and
     * multiplied by the demand scenarios. So a doubling of requests raises demand by what the model
     * learnt requests do, and the plan carries the covariates' own uncertainty too.
     *
     * @param horizon the forecast's steps (where the scenarios' timing falls)
     * @throws IllegalArgumentException for a scenario on a covariate the inputs do not have
     */
    public Simulation run(TimeGrid horizon, List<Map<String, double[]>> inputs,
                          Function<List<Map<String, double[]>>, List<Forecast>> forecastAll, ScenarioSet scenarios) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("need at least one drawn future of the covariates");
        }
        List<Scenario> onDemand = new ArrayList<>();
        List<Scenario> onCovariates = new ArrayList<>();
        for (Scenario s : scenarios.scenarios()) {
            if (s.target().equals(Scenario.DEMAND)) {
                onDemand.add(s);
            } else if (!inputs.get(0).containsKey(s.target())) {
                throw new IllegalArgumentException("scenario '" + s.name() + "' changes covariate '" + s.target()
                        + "', which the workload does not have; it has " + inputs.get(0).keySet());
            } else {
                onCovariates.add(s);
            }
        }
        List<Map<String, double[]>> perturbed = inputs;
        if (!onCovariates.isEmpty()) {
            perturbed = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
            for (Map<String, double[]> input : inputs) {
                Map<String, double[]> drawn = new LinkedHashMap<>();
                input.forEach((name, values) -> drawn.put(name, values.clone()));
                for (Scenario s : onCovariates) {
                    if (random.nextDouble() < s.probability()) {
                        double[] x = drawn.get(s.target());
                        double[] uplift = new double[x.length];
                        s.draw(horizon, random, uplift);
                        for (int h = 0; h < x.length; h++) {
                            x[h] *= Math.max(0, 1 + uplift[h]);
                        }
                    }
                }
                perturbed.add(drawn);
            }
        }
        List<Forecast> forecasts = forecastAll.apply(perturbed);
        // a forecast drawn for few paths is drawn from directly: tabulating its quantile function costs more
        boolean tabulate = (double) settings.paths() / forecasts.size() >= QuantileGrid.POINTS / 2.0;
        List<PathDraw> grids = new ArrayList<>(forecasts.size());
        forecasts.forEach(f -> grids.add(tabulate ? QuantileGrid.of(f)::path : random -> f.samplePaths(1, random)[0]));
        return simulate(horizon, grids, onDemand);
    }

    /**
     * {@code n} sample paths of one forecast drawn over its tabulated quantile function (as the
     * simulation draws them): for many paths, far cheaper than the forecast's own exact draws.
     */
    public static double[][] samplePaths(Forecast forecast, int n, SplittableRandom random) {
        QuantileGrid grid = QuantileGrid.of(forecast);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = grid.path(random);
        }
        return out;
    }

    /** Draws one path of a forecast (from its tabulated quantiles, or from the forecast itself). */
    private interface PathDraw {
        double[] path(SplittableRandom random);
    }

    private Simulation simulate(TimeGrid grid, List<PathDraw> grids, List<Scenario> onDemand) {
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

    private void block(int b, SplittableRandom random, TimeGrid grid, List<PathDraw> grids, List<Scenario> onDemand,
                       double[][] paths) {
        int steps = grid.length();
        double[] uplift = new double[steps];
        SplittableRandom draws = random.split();
        for (int i = b * BLOCK; i < Math.min(paths.length, (b + 1) * BLOCK); i++) {
            PathDraw q = grids.get(i % grids.size());
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
