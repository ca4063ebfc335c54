package io.prescient.experiment;

import org.hipparchus.distribution.continuous.TDistribution;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Welch and bootstrap intervals for a difference in means. */
public final class EffectEstimator {

    private final int resamples;
    private final long seed;

    public EffectEstimator(int resamples, long seed) {
        this.resamples = resamples;
        this.seed = seed;
    }

    /**
     * @param z the critical value of the interval (1.96 for a fixed 95% interval; the look's
     *          boundary for a repeated interval), applied to Welch's t with its degrees of freedom
     */
    public Effect estimate(String metric, double[] treated, double[] control, double z, double truth) {
        double mt = mean(treated);
        double mc = mean(control);
        double vt = variance(treated, mt) / treated.length;
        double vc = variance(control, mc) / control.length;
        double se = Math.sqrt(vt + vc);
        double df = (vt + vc) * (vt + vc) / (vt * vt / (treated.length - 1) + vc * vc / (control.length - 1));
        double tail = 1 - new org.hipparchus.distribution.continuous.NormalDistribution().cumulativeProbability(z);
        double t = se == 0 || !Double.isFinite(df) ? z : new TDistribution(df).inverseCumulativeProbability(1 - tail);
        double diff = mt - mc;
        double[] boot = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            boot[b] = mean(resample(treated, random)) - mean(resample(control, random));
        }
        Arrays.sort(boot);
        double lo = boot[(int) Math.floor(tail * (resamples - 1))];
        double hi = boot[(int) Math.ceil((1 - tail) * (resamples - 1))];
        return new Effect(metric, diff, diff - t * se, diff + t * se, lo, hi, se == 0 ? 0 : diff / se, truth);
    }

    private static double[] resample(double[] x, SplittableRandom random) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[random.nextInt(x.length)];
        }
        return out;
    }

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }

    private static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / Math.max(1, x.length - 1);
    }
}
