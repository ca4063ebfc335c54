package io.prescient.forecast.model;

import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.Quantiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks, per series, the member model with the lowest quantile loss over the last {@code windows}
 * windows of {@code horizon} steps inside the history (each member refitted at each window's
 * origin, never seeing the window), then refits the winner on the whole history. Ties go to the
 * earlier member. Global members are trained once, through {@link #train}, before any selection.
 */
public final class SelectionForecaster implements Forecaster {

    private final String name;
    private final List<Forecaster> members;
    private final int horizon;
    private final int windows;

    public SelectionForecaster(String name, List<Forecaster> members, int horizon, int windows) {
        if (members.isEmpty() || horizon < 1 || windows < 1) {
            throw new IllegalArgumentException("need members, a positive horizon and at least one window");
        }
        this.name = name;
        this.members = List.copyOf(members);
        this.horizon = horizon;
        this.windows = windows;
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
        return new SelectionForecaster(name, trained, horizon, windows);
    }

    @Override
    public FittedModel fit(History history) {
        double[] y = history.target();
        double[] loss = new double[members.size()];
        for (int w = windows; w >= 1; w--) {
            int origin = history.length() - w * horizon;
            if (origin < 2 * horizon) {
                continue;
            }
            History head = history.head(origin);
            for (int i = 0; i < members.size(); i++) {
                loss[i] += quantileLoss(members.get(i), head, y, origin);
            }
        }
        int best = 0;
        for (int i = 1; i < loss.length; i++) {
            if (loss[i] < loss[best]) {
                best = i;
            }
        }
        return new Chosen(members.get(best).name(), members.get(best).fit(history), loss.clone());
    }

    private double quantileLoss(Forecaster member, History head, double[] y, int origin) {
        try {
            Forecast f = member.fit(head).forecast(horizon);
            double sum = 0;
            for (double q : Quantiles.DECILES) {
                double[] v = f.quantile(q);
                for (int h = 0; h < horizon; h++) {
                    double actual = y[origin + h];
                    if (!Double.isNaN(actual)) {
                        double diff = actual - v[h];
                        sum += Math.max(q * diff, (q - 1) * diff);
                    }
                }
            }
            return sum;
        } catch (RuntimeException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** The winner's fitted model, with the validation losses that chose it. */
    record Chosen(String member, FittedModel fitted, double[] losses) implements FittedModel {

        @Override
        public Forecast forecast(int steps, Map<String, double[]> futureCovariates) {
            return fitted.forecast(steps, futureCovariates);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("form", member);
            p.put("validation_losses", java.util.Arrays.stream(losses).boxed().toList());
            p.putAll(fitted.parameters());
            p.put("form", member);
            return p;
        }
    }
}
