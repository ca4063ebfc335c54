package io.prescient.forecast.model;

import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.MarginalForecast;
import io.prescient.forecast.QuantileTableForecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Combines member models with equal weights, in one of two ways ({@link Pooling}):
 * <ul>
 *   <li>{@code a+b} averages their quantiles level by level (Vincentisation): the combined q-quantile
 *   is the mean of the members' q-quantiles. It keeps the members' spread, so the band does not widen
 *   where they disagree, and its median is the mean of theirs.</li>
 *   <li>{@code a&b} mixes their distributions (a linear pool, {@link LinearPool}): each member's
 *   forecast is one possible future. Where they disagree the band covers both, and two modes (a batch
 *   job idle or running) stay two modes. On the Bitbrains month, {@code pretrained&ensemble} scored
 *   a lower CRPS than {@code pretrained+ensemble} on all four protocol tasks.</li>
 * </ul>
 * Global members are trained once, through {@link #train}.
 */
public final class CombinationForecaster implements Forecaster {

    /** As before {@link Pooling} existed, so that the registry's stored {@code a+b} models still load. */
    private static final long serialVersionUID = -7888202016728634010L;

    /** Levels the combination is tabulated at: the deciles plus the planning tails. */
    static final double[] LEVELS = {0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99};

    /** How the members' forecasts are combined. */
    public enum Pooling {
        /** The mean of the members' quantiles, level by level (written {@code a+b}). */
        QUANTILES,
        /** The mixture of the members' distributions (written {@code a&b}). */
        DISTRIBUTIONS
    }

    private final String name;
    private final List<Forecaster> members;
    private final Pooling pooling;

    /** Members whose quantiles are averaged. */
    public CombinationForecaster(String name, List<Forecaster> members) {
        this(name, members, Pooling.QUANTILES);
    }

    public CombinationForecaster(String name, List<Forecaster> members, Pooling pooling) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a combination needs at least one member");
        }
        this.name = name;
        this.members = List.copyOf(members);
        this.pooling = Objects.requireNonNull(pooling, "pooling");
    }

    /** How the members' forecasts are combined. */
    public Pooling pooling() {
        return pooling;
    }

    /** A combination stored before {@link Pooling} existed averaged quantiles. */
    private Object readResolve() {
        return pooling == null ? new CombinationForecaster(name, members, Pooling.QUANTILES) : this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean readsCovariates() {
        return members.stream().anyMatch(Forecaster::readsCovariates);
    }

    @Override
    public boolean needsTraining() {
        return members.stream().anyMatch(Forecaster::needsTraining);
    }

    @Override
    public Forecaster train(List<History> histories) {
        if (!needsTraining()) {
            return this;
        }
        List<Forecaster> trained = new ArrayList<>();
        for (Forecaster m : members) {
            trained.add(m.train(histories));
        }
        return new CombinationForecaster(name, trained, pooling);
    }

    @Override
    public FittedModel fit(History history) {
        List<FittedModel> fitted = new ArrayList<>();
        for (Forecaster m : members) {
            fitted.add(m.fit(history));
        }
        return new Combined(name, fitted, pooling);
    }

    /** Each member forecasts all series its own way (in batches, for a network); then they are combined. */
    @Override
    public List<Forecast> forecastAll(List<History> histories, int horizon, List<Map<String, double[]>> futureCovariates) {
        List<List<Forecast>> byMember = new ArrayList<>();
        for (Forecaster m : members) {
            byMember.add(m.forecastAll(histories, horizon, futureCovariates));
        }
        List<Forecast> out = new ArrayList<>(histories.size());
        for (int i = 0; i < histories.size(); i++) {
            List<Forecast> parts = new ArrayList<>();
            for (List<Forecast> forecasts : byMember) {
                parts.add(forecasts.get(i));
            }
            out.add(combine(name, parts, pooling));
        }
        return out;
    }

    /** The forecasts pooled, with the mean of their means (the mean of both pools). */
    static Forecast combine(String name, List<Forecast> forecasts, Pooling pooling) {
        Forecast first = forecasts.get(0);
        int steps = first.horizon();
        double[][] values = pooling == Pooling.DISTRIBUTIONS ? mixture(forecasts) : meanQuantiles(forecasts, steps);
        double[] mean = new double[steps];
        for (Forecast f : forecasts) {
            double[] m = f.mean();
            for (int h = 0; h < steps; h++) {
                mean[h] += m[h] / forecasts.size();
            }
        }
        return new QuantileTableForecast(first.grid(), name, LEVELS, values, mean, MarginalForecast.DEFAULT_PATH_CORRELATION);
    }

    private static double[][] meanQuantiles(List<Forecast> forecasts, int steps) {
        double[][] values = new double[steps][LEVELS.length];
        for (Forecast f : forecasts) {
            for (int k = 0; k < LEVELS.length; k++) {
                double[] q = f.quantile(LEVELS[k]);
                for (int h = 0; h < steps; h++) {
                    values[h][k] += q[h] / forecasts.size();
                }
            }
        }
        return values;
    }

    private static double[][] mixture(List<Forecast> forecasts) {
        double[] weights = new double[forecasts.size()];
        Arrays.fill(weights, 1.0 / forecasts.size());
        return LinearPool.quantiles(forecasts, weights, LEVELS);
    }

    /** The members' fitted models, combined at forecast time. */
    record Combined(String name, List<FittedModel> members, Pooling pooling) implements FittedModel {

        /** A fitted combination stored before {@link Pooling} existed averaged quantiles. */
        Combined {
            pooling = pooling == null ? Pooling.QUANTILES : pooling;
        }

        @Override
        public Forecast forecast(int steps, Map<String, double[]> futureCovariates) {
            List<Forecast> parts = new ArrayList<>();
            for (FittedModel member : members) {
                parts.add(member.forecast(steps, futureCovariates));
            }
            return combine(name, parts, pooling);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("form", name);
            p.put("pooling", pooling == Pooling.DISTRIBUTIONS ? "distributions mixed" : "quantiles averaged");
            List<Map<String, Object>> parts = new ArrayList<>();
            for (FittedModel m : members) {
                parts.add(m.parameters());
            }
            p.put("members", parts);
            return p;
        }
    }
}
