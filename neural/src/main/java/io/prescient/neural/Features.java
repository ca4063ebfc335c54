package io.prescient.neural;

import java.util.List;
import java.util.Map;

/**
 * The inputs of one forecast origin, standardised by the context's own mean and standard deviation
 * (instance normalisation), so one network serves series of any size, and a flat series is
 * forecast as flat to within a tiny fraction of its level.
 * <ul>
 *   <li>past, per context step: value (0 if missing), missing flag, time-of-day and day-of-week as
 *       sine/cosine, then each covariate scaled by its own context level;</li>
 *   <li>future, per horizon step: time of day and day of week, the value one day earlier (the most
 *       recent same-time value before the origin), the mean of the last seven same-time values (the
 *       daily profile), the step's position in the horizon, then each covariate's known future value.</li>
 * </ul>
 * The profile is also the baseline the network's quantiles are added to.
 */
public final class Features {

    static final int PAST_BASE = 6;
    static final int FUTURE_BASE = 7;
    /** Index of the profile among the future features. */
    static final int PROFILE = 5;
    private static final int PROFILE_DAYS = 7;
    /** Scaled values are clipped to this size: a spike of 1000 times the level must not swamp training. */
    static final float CLIP = 20f;

    private Features() {
    }

    /** One origin's inputs and, where known, targets (NaN where unknown or missing). */
    public record Sample(float[] past, float[] future, float[] target, double location, double scale) {

        /** A value in the series' units from its standardised form. */
        public double restore(double standardised) {
            return location + scale * standardised;
        }
    }

    /**
     * @param y          the target's history, NaN = missing; values at or after {@code origin} are used only as targets
     * @param firstStep  absolute step index (epoch seconds / step) of {@code y[0]}
     * @param stepSeconds grid step
     * @param covariates covariate histories by name, aligned with y (and, for the future, extended past the origin)
     * @param origin     first forecast step
     */
    public static Sample at(NeuralSpec spec, double[] y, long firstStep, long stepSeconds, Map<String, double[]> covariates,
                            int origin) {
        int c = spec.context();
        int h = spec.horizon();
        int m = spec.season();
        double location = mean(y, origin - c, origin);
        double scale = spread(y, origin - c, origin, location);
        List<String> names = spec.covariates();
        double[] covScale = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            covScale[k] = level(covariates.get(names.get(k)), origin - c, origin);
        }
        int fp = spec.pastFeatures();
        float[] past = new float[c * fp];
        double last = Double.NaN;
        for (int i = 0; i < c; i++) {
            int t = origin - c + i;
            double v = t >= 0 && t < y.length ? y[t] : Double.NaN;
            int o = i * fp;
            if (!Double.isNaN(v)) {
                last = v;
            }
            past[o] = Double.isNaN(v) ? 0 : clip((v - location) / scale);
            past[o + 1] = Double.isNaN(v) ? 1 : 0;
            calendar(past, o + 2, firstStep + t, stepSeconds);
            for (int k = 0; k < names.size(); k++) {
                double[] x = covariates.get(names.get(k));
                double cv = t >= 0 && t < x.length ? x[t] : Double.NaN;
                past[o + PAST_BASE + k] = Double.isNaN(cv) ? 0 : clip(cv / covScale[k]);
            }
        }
        int ff = spec.futureFeatures();
        float[] future = new float[h * ff];
        float[] target = new float[h];
        for (int j = 0; j < h; j++) {
            int t = origin + j;
            int o = j * ff;
            calendar(future, o, firstStep + t, stepSeconds);
            double lag = Double.NaN;
            double sum = 0;
            int n = 0;
            int back = 0;
            for (int d = 1; n < PROFILE_DAYS && d <= PROFILE_DAYS + 3; d++) {
                int s = t - d * m;
                if (s >= origin || s < 0) {
                    continue;
                }
                back++;
                double v = y[s];
                if (!Double.isNaN(v)) {
                    if (Double.isNaN(lag)) {
                        lag = v;
                    }
                    sum += v;
                    n++;
                }
                if (back >= PROFILE_DAYS) {
                    break;
                }
            }
            double fallback = Double.isNaN(last) ? location : last;
            double profile = n > 0 ? sum / n : fallback;
            future[o + 4] = clip(((Double.isNaN(lag) ? profile : lag) - location) / scale);
            future[o + PROFILE] = clip((profile - location) / scale);
            future[o + 6] = (float) (j + 1) / h;
            for (int k = 0; k < names.size(); k++) {
                double[] x = covariates.get(names.get(k));
                double cv = t < x.length ? x[t] : Double.NaN;
                future[o + FUTURE_BASE + k] = Double.isNaN(cv) ? 0 : clip(cv / covScale[k]);
            }
            target[j] = t < y.length && !Double.isNaN(y[t]) ? clip((y[t] - location) / scale) : Float.NaN;
        }
        return new Sample(past, future, target, location, scale);
    }

    /**
     * The inputs of {@code base}'s origin with other known future values of the covariates (from the
     * origin, {@code horizon} steps each): the past, the calendar and the profile are the same, so only
     * the covariates' future columns change (simulated futures of one series, without recomputing the rest).
     *
     * @param pastCovariates the covariates' past, ending at {@code origin} (their scales come from its context)
     */
    static Sample withFuture(NeuralSpec spec, Sample base, Map<String, double[]> pastCovariates, int origin,
                             Map<String, double[]> future, int horizon) {
        List<String> names = spec.covariates();
        int ff = spec.futureFeatures();
        float[] out = base.future().clone();
        for (int k = 0; k < names.size(); k++) {
            double scale = level(pastCovariates.get(names.get(k)), origin - spec.context(), origin);
            double[] x = future.get(names.get(k));
            for (int j = 0; j < horizon; j++) {
                out[j * ff + FUTURE_BASE + k] = Double.isNaN(x[j]) ? 0 : clip(x[j] / scale);
            }
        }
        return new Sample(base.past(), out, base.target(), base.location(), base.scale());
    }

    private static float clip(double v) {
        return (float) Math.max(-CLIP, Math.min(CLIP, v));
    }

    /** Mean over [from, to), ignoring missing values; 0 when there is none. */
    static double mean(double[] x, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int t = Math.max(0, from); t < Math.min(to, x.length); t++) {
            if (!Double.isNaN(x[t])) {
                sum += x[t];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Standard deviation over [from, to) around {@code mean}, ignoring missing values, at least 1% of
     * the mean absolute value (so a flat series is not divided by zero) and at least 1e-9.
     */
    static double spread(double[] x, int from, int to, double mean) {
        double squares = 0;
        int n = 0;
        for (int t = Math.max(0, from); t < Math.min(to, x.length); t++) {
            if (!Double.isNaN(x[t])) {
                squares += (x[t] - mean) * (x[t] - mean);
                n++;
            }
        }
        double sd = n == 0 ? 0 : Math.sqrt(squares / n);
        return Math.max(sd, Math.max(0.01 * level(x, from, to), 1e-9));
    }

    /** Mean absolute value over [from, to), ignoring missing values; 1 when there is none or it is 0. */
    static double level(double[] x, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int t = Math.max(0, from); t < Math.min(to, x.length); t++) {
            if (!Double.isNaN(x[t])) {
                sum += Math.abs(x[t]);
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        return mean > 1e-9 ? mean : 1;
    }

    private static void calendar(float[] out, int at, long absoluteStep, long stepSeconds) {
        long seconds = absoluteStep * stepSeconds;
        double day = (Math.floorMod(seconds, 86400L)) / 86400.0;
        double week = (Math.floorMod(seconds, 604800L)) / 604800.0;
        out[at] = (float) Math.sin(2 * Math.PI * day);
        out[at + 1] = (float) Math.cos(2 * Math.PI * day);
        out[at + 2] = (float) Math.sin(2 * Math.PI * week);
        out[at + 3] = (float) Math.cos(2 * Math.PI * week);
    }
}
