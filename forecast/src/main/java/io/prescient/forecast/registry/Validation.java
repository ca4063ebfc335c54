package io.prescient.forecast.registry;

import io.prescient.forecast.eval.Backtest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's scores on the most recent held-back windows of a scope (refitted at each window's
 * origin, never seeing the window).
 *
 * @param windows   windows per series
 * @param horizon   steps per window
 * @param points    points scored
 * @param mase      pooled MASE
 * @param crps      pooled CRPS (weighted quantile loss)
 * @param mae       MAE of the median
 * @param coverage80 share of points inside the 80% band
 * @param fallbacks windows where the model failed and the seasonal naive stood in
 */
public record Validation(int windows, int horizon, long points, double mase, double crps, double mae, double coverage80,
                         long fallbacks) implements java.io.Serializable {

    static Validation of(Backtest.Result r) {
        return new Validation(r.windows(), r.task().horizon(), r.scores().points(), r.scores().mase(), r.scores().crps(),
                r.scores().mae(), r.scores().coverage80(), r.series().stream().mapToLong(s -> s.fallbacks().size()).sum());
    }

    /** The score a decision compares: lower is better. */
    public double score(Metric metric) {
        return metric == Metric.CRPS ? crps : mase;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("windows", windows);
        m.put("horizon", horizon);
        m.put("points", points);
        m.put("MASE", mase);
        m.put("CRPS", crps);
        m.put("MAE", mae);
        m.put("coverage_80", coverage80);
        m.put("fallbacks", fallbacks);
        return m;
    }

    /** What a promotion decision compares. */
    public enum Metric { CRPS, MASE }
}
