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
 * Combines member models, with equal weights or the weights given, in one of two ways ({@link Pooling}):
 * <ul>
 *   <li>{@code a+b} averages their quantiles level by level (Vincentisation): the combined q-quantile
 *   is the mean of the members' q-quantiles. It keeps the members' spread, so the band does not widen
 *   where they disagree, and its median is the mean of theirs.</li>
 *   <li>{@code a&b} mixes their distributions (a linear pool, {@link LinearPool}): each member's
 *   forecast is one possible future. Where they disagree the band covers both, and two modes (a batch
 *   job idle or running) stay two modes. On the Bitbrains month, {@code pretrained&ensemble} scored
 *   a lower CRPS than {@code pretrained+ensemble} on all four protocol tasks.</li>
 * </ul>
 * A weight counts a member as that many equal members ({@code 2*ensemble&analog&recent}: half the
 * ensemble, a quarter each of the others). Global members are trained once, through {@link #train}.
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
    /** One per member, summing to 1; null in combinations stored before weights existed (equal weights). */
    private final double[] weights;

    /** Members whose quantiles are averaged. */
    public CombinationForecaster(String name, List<Forecaster> members) {
        this(name, members, Pooling.QUANTILES);
    }

    /** Members combined with equal weights. */
    public CombinationForecaster(String name, List<Forecaster> members, Pooling pooling) {
        this(name, members, pooling, equal(members.size()));
    }

    /**
     * @param weights one per member, positive; they are scaled to sum to 1
     */
    public CombinationForecaster(String name, List<Forecaster> members, Pooling pooling, double[] weights) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a combination needs at least one member");
        }
        this.name = name;
        this.members = List.copyOf(members);
        this.pooling = Objects.requireNonNull(pooling, "pooling");
        this.weights = normalised(weights, members);
    }

    private static double[] equal(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    private static double[] normalised(double[] weights, List<Forecaster> members) {
        if (weights.length != members.size()) {
            throw new IllegalArgumentException(members.size() + " members but " + weights.length + " weights");
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("the weight of member " + members.get(i).name()
                        + " must be a positive number, got " + weights[i]);
            }
            sum += weights[i];
        }
        if (Double.isInfinite(sum)) {
            throw new IllegalArgumentException("the members' weights sum past the largest number: " + Arrays.toString(weights));
        }
        double[] out = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = weights[i] / sum;
        }
        return out;
    }

    /** The members, in the order of their weights. */
    public List<Forecaster> members() {
        return members;
    }

    /** The members' weights, summing to 1. */
    public double[] weights() {
        return weights.clone();
    }

    /** How the members' forecasts are combined. */
    public Pooling pooling() {
        return pooling;
    }

    /** A combination stored before {@link Pooling} existed averaged quantiles; before weights, weighed members equally. */
    private Object readResolve() {
        return pooling == null || weights == null
                ? new CombinationForecaster(name, members, pooling == null ? Pooling.QUANTILES : pooling, equal(members.size()))
                : this;
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
        return new CombinationForecaster(name, trained, pooling, weights);
    }

    @Override
    public FittedModel fit(History history) {
        List<FittedModel> fitted = new ArrayList<>();
        for (Forecaster m : members) {
            fitted.add(m.fit(history));
        }
        return new Combined(name, fitted, pooling, weights);
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
            out.add(combine(name, parts, pooling, weights));
        }
        return out;
    }

    /** The forecasts pooled, with the weighted mean of their means (the mean of both pools). */
    static Forecast combine(String name, List<Forecast> forecasts, Pooling pooling, double[] weights) {
        Forecast first = forecasts.get(0);
        int steps = first.horizon();
        double[][] values = pooling == Pooling.DISTRIBUTIONS
                ? LinearPool.quantiles(forecasts, weights, LEVELS)
                : meanQuantiles(forecasts, weights, steps);
        double[] mean = new double[steps];
        for (int i = 0; i < forecasts.size(); i++) {
            double[] m = forecasts.get(i).mean();
            for (int h = 0; h < steps; h++) {
                mean[h] += weights[i] * m[h];
            }
        }
        return new QuantileTableForecast(first.grid(), name, LEVELS, values, mean, MarginalForecast.DEFAULT_PATH_CORRELATION);
    }

    private static double[][] meanQuantiles(List<Forecast> forecasts, double[] weights, int steps) {
        double[][] values = new double[steps][LEVELS.length];
        for (int i = 0; i < forecasts.size(); i++) {
            for (int k = 0; k < LEVELS.length; k++) {
                double[] q = forecasts.get(i).quantile(LEVELS[k]);
                for (int h = 0; h < steps; h++) {
                    values[h][k] += weights[i] * q[h];
                }
            }
        }
        return values;
    }

    /** The members' fitted models, combined at forecast time. */
    record Combined(String name, List<FittedModel> members, Pooling pooling, double[] weights) implements FittedModel {

        /** A fitted combination stored before {@link Pooling} existed averaged quantiles; before weights, equally. */
        Combined {
            pooling = pooling == null ? Pooling.QUANTILES : pooling;
            if (weights == null) {
                weights = new double[members.size()];
                Arrays.fill(weights, 1.0 / members.size());
            }
        }

        @Override
        public Forecast forecast(int steps, Map<String, double[]> futureCovariates) {
            List<Forecast> parts = new ArrayList<>();
            for (FittedModel member : members) {
                parts.add(member.forecast(steps, futureCovariates));
            }
            return combine(name, parts, pooling, weights);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("form", name);
            p.put("pooling", pooling == Pooling.DISTRIBUTIONS ? "distributions mixed" : "quantiles averaged");
            p.put("weights", Arrays.stream(weights).boxed().toList());
            List<Map<String, Object>> parts = new ArrayList<>();
            for (FittedModel m : members) {
                parts.add(m.parameters());
            }
            p.put("members", parts);
            return p;
        }
    }
}
