package io.prescient.forecast.model;

import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.MarginalForecast;
import io.prescient.forecast.QuantileTableForecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines member models by averaging their quantiles level by level (Vincentisation), with equal
 * weights: the combined q-quantile is the mean of the members' q-quantiles. Averaging quantiles
 * keeps the spread of the members (unlike mixing their distributions, it does not widen the band
 * when members disagree) and usually scores better than any member alone when their errors
 * differ. Global members are trained once, through {@link #train}.
 */
public final class CombinationForecaster implements Forecaster {

    /** Levels the combination is tabulated at: the deciles plus the planning tails. */
    static final double[] LEVELS = {0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99};

    private final String name;
    private final List<Forecaster> members;

    public CombinationForecaster(String name, List<Forecaster> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a combination needs at least one member");
        }
        this.name = name;
        this.members = List.copyOf(members);
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
        return new CombinationForecaster(name, trained);
    }

    @Override
    public FittedModel fit(History history) {
        List<FittedModel> fitted = new ArrayList<>();
        for (Forecaster m : members) {
            fitted.add(m.fit(history));
        }
        return new Combined(name, fitted);
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
            out.add(combine(name, parts));
        }
        return out;
    }

    /** The level-by-level mean of the forecasts' quantiles, and the mean of their means. */
    static Forecast combine(String name, List<Forecast> forecasts) {
        Forecast first = forecasts.get(0);
        int steps = first.horizon();
        double[][] values = new double[steps][LEVELS.length];
        double[] mean = new double[steps];
        for (Forecast f : forecasts) {
            for (int k = 0; k < LEVELS.length; k++) {
                double[] q = f.quantile(LEVELS[k]);
                for (int h = 0; h < steps; h++) {
                    values[h][k] += q[h] / forecasts.size();
                }
            }
            double[] m = f.mean();
            for (int h = 0; h < steps; h++) {
                mean[h] += m[h] / forecasts.size();
            }
        }
        return new QuantileTableForecast(first.grid(), name, LEVELS, values, mean, MarginalForecast.DEFAULT_PATH_CORRELATION);
    }

    /** The members' fitted models, combined at forecast time. */
    record Combined(String name, List<FittedModel> members) implements FittedModel {

        @Override
        public Forecast forecast(int steps, Map<String, double[]> futureCovariates) {
            List<Forecast> parts = new ArrayList<>();
            for (FittedModel member : members) {
                parts.add(member.forecast(steps, futureCovariates));
            }
            return combine(name, parts);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("form", name);
            List<Map<String, Object>> parts = new ArrayList<>();
            for (FittedModel m : members) {
                parts.add(m.parameters());
            }
            p.put("members", parts);
            return p;
        }
    }
}
