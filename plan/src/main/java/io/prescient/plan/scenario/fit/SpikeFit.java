package io.prescient.plan.scenario.fit;

import io.prescient.plan.scenario.Distribution;
import io.prescient.plan.scenario.LoadSpike;
import io.prescient.plan.scenario.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A workload's spike process estimated from its own history: a spike is a run of steps where the
 * series stands above its local level (the centred rolling median over a quarter of a day, at least
 * 13 steps, so a spike of up to an hour or two does not lift it) by more than the threshold (four
 * robust standard deviations of the relative deviation, at least 20%). Spikes arrive as a Poisson
 * process (the rate is their count over the observed days, with its 90% interval); their sizes (peak
 * relative uplift) and durations are log-normal, fitted by the median and the spread of the logs.
 * The result is the {@link LoadSpike} the loop and what-if simulate.
 *
 * @param spikes      spikes found
 * @param days        days observed (non-missing steps)
 * @param perDay      the rate, spikes a day
 * @param perDayLow   lower end of its 90% interval
 * @param perDayHigh  upper end of its 90% interval
 * @param magnitude   the peak relative uplift's distribution
 * @param duration    the duration's distribution, in seconds
 * @param threshold   the relative uplift above which a step counts as spiking
 */
public record SpikeFit(int spikes, double days, double perDay, double perDayLow, double perDayHigh, Distribution.LogNormal magnitude,
                       Distribution.LogNormal duration, double threshold) {

    private static final double MIN_THRESHOLD = 0.2;
    private static final double Z90 = 1.6448536269514722;

    /**
     * @param y           the series, NaN where missing
     * @param stepSeconds its grid step
     * @param season      steps per day
     * @throws IllegalArgumentException when the series has no level to measure spikes against, or shows fewer than two spikes
     */
    public static SpikeFit fit(double[] y, long stepSeconds, int season) {
        int half = Math.max(6, season / 8);
        double[] level = rollingMedian(y, half);
        double[] uplift = new double[y.length];
        List<Double> observed = new ArrayList<>();
        for (int t = 0; t < y.length; t++) {
            uplift[t] = Double.isNaN(y[t]) || !(level[t] > 0) ? Double.NaN : y[t] / level[t] - 1;
            if (!Double.isNaN(uplift[t])) {
                observed.add(uplift[t]);
            }
        }
        if (observed.isEmpty()) {
            throw new IllegalArgumentException("the series has no positive level to measure spikes against");
        }
        double[] u = observed.stream().mapToDouble(Double::doubleValue).toArray();
        double centre = median(u.clone());
        double[] deviations = Arrays.stream(u).map(v -> Math.abs(v - centre)).toArray();
        double threshold = Math.max(MIN_THRESHOLD, centre + 4 * 1.4826 * median(deviations));
        List<Double> peaks = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        int t = 0;
        while (t < y.length) {
            if (uplift[t] > threshold) {
                double peak = 0;
                int start = t;
                while (t < y.length && uplift[t] > threshold) {
                    peak = Math.max(peak, uplift[t]);
                    t++;
                }
                peaks.add(peak);
                lengths.add((double) (t - start) * stepSeconds);
            } else {
                t++;
            }
        }
        if (peaks.size() < 2) {
            throw new IllegalArgumentException("the series shows " + peaks.size() + " spike(s) above " + percent(threshold)
                    + " of its local level: too few to estimate a spike process");
        }
        double days = u.length * stepSeconds / 86_400.0;
        int n = peaks.size();
        double margin = Z90 * Math.sqrt(n);
        return new SpikeFit(n, days, n / days, Math.max(0, n - margin) / days, (n + margin) / days, logNormal(peaks),
                logNormal(lengths), threshold);
    }

    /** The spike scenario of this process, on {@code target} (demand, or a covariate's name). */
    public LoadSpike scenario(String name, String target) {
        return new LoadSpike(name, target, 1, perDay, magnitude, duration, Shape.STEP);
    }

    /** The scenario as a scenario file's entry, with the evidence as comments. */
    public String yaml(String name, String target) {
        return String.format(Locale.ROOT, """
                  # %d spikes in %.1f days above %s of the local level; rate 90%% interval %.3f..%.3f a day
                  - name: %s
                    type: spike
                    target: %s
                    probability: 1
                    per_day: %.4f
                    magnitude: {lognormal: {median: %.4f, sigma: %.4f}}
                    duration: {lognormal: {median: %.0f, sigma: %.4f}}
                    shape: step
                """, spikes, days, percent(threshold), perDayLow, perDayHigh, name, target, perDay, magnitude.median(), magnitude.sigma(),
                duration.median(), duration.sigma());
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static Distribution.LogNormal logNormal(List<Double> values) {
        double[] logs = values.stream().mapToDouble(Math::log).toArray();
        double mean = Arrays.stream(logs).average().orElse(0);
        double var = Arrays.stream(logs).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, logs.length - 1);
        return new Distribution.LogNormal(Math.exp(median(logs.clone())), Math.sqrt(var));
    }

    /** The median of the non-missing values within {@code half} steps either side of each step. */
    static double[] rollingMedian(double[] y, int half) {
        double[] out = new double[y.length];
        double[] window = new double[2 * half + 1];
        for (int t = 0; t < y.length; t++) {
            int n = 0;
            for (int s = Math.max(0, t - half); s <= Math.min(y.length - 1, t + half); s++) {
                if (!Double.isNaN(y[s])) {
                    window[n++] = y[s];
                }
            }
            out[t] = n == 0 ? Double.NaN : median(Arrays.copyOf(window, n));
        }
        return out;
    }

    /** The median (sorts {@code v}). */
    private static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
