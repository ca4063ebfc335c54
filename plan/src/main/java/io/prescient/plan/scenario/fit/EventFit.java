package io.prescient.plan.scenario.fit;

import io.prescient.core.TimeGrid;
import io.prescient.io.read.CalendarEvent;
import io.prescient.plan.scenario.Distribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The effect past calendar events had on a series, per kind of event: each past event's factor is
 * the series' mean over the event's steps divided by the mean of its seasonal baseline there (per
 * step, the median of the same time of day over the previous seven seasons, leaving out steps that
 * fall in any event). A kind's multiplier is normal, centred on the mean factor, with the predictive
 * spread of a new event (the factors' standard deviation times sqrt(1 + 1/n)); a kind seen once
 * takes the spread of that event's step-by-step ratios. The calendar's future events become event
 * scenarios with their kind's multiplier.
 *
 * @param kind    the kind of event
 * @param factors each past event's factor, in calendar order
 * @param mean    the mean factor
 * @param sd      the multiplier's standard deviation
 */
public record EventFit(String kind, List<Double> factors, double mean, double sd) {

    /** Seasons back the baseline looks. */
    private static final int BASELINE_SEASONS = 7;

    public EventFit {
        factors = List.copyOf(factors);
    }

    /** The multiplier a future event of this kind draws. */
    public Distribution multiplier() {
        return sd > 0 ? new Distribution.Normal(mean, sd) : new Distribution.Fixed(mean);
    }

    /**
     * One fit per kind that has at least one past event with a baseline, in calendar order.
     *
     * @param y      the series on {@code grid}, NaN where missing
     * @param season steps per season (a day)
     */
    public static List<EventFit> fit(double[] y, TimeGrid grid, int season, List<CalendarEvent> events) {
        boolean[] inEvent = mask(grid, events);
        Map<String, List<Double>> factors = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (CalendarEvent e : events) {
            double sum = 0;
            double base = 0;
            List<Double> stepRatios = new ArrayList<>();
            for (int t = 0; t < y.length; t++) {
                long time = grid.timeAt(t);
                if (time < e.from() || time >= e.to() || Double.isNaN(y[t])) {
                    continue;
                }
                double b = baseline(y, inEvent, t, season);
                if (b > 0) {
                    sum += y[t];
                    base += b;
                    stepRatios.add(y[t] / b);
                }
            }
            if (base > 0) {
                factors.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(sum / base);
                ratios.computeIfAbsent(e.kind(), k -> new ArrayList<>()).addAll(stepRatios);
            }
        }
        List<EventFit> out = new ArrayList<>();
        factors.forEach((kind, f) -> {
            double mean = f.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double sd = f.size() >= 2 ? sd(f, mean) * Math.sqrt(1 + 1.0 / f.size())
                    : sd(ratios.get(kind), ratios.get(kind).stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            out.add(new EventFit(kind, f, mean, sd));
        });
        return out;
    }

    /** {@code y} with every step that falls in an event missing (for fitting what events did not cause). */
    public static double[] withoutEvents(double[] y, TimeGrid grid, List<CalendarEvent> events) {
        boolean[] inEvent = mask(grid, events);
        double[] out = y.clone();
        for (int t = 0; t < out.length; t++) {
            if (inEvent[t]) {
                out[t] = Double.NaN;
            }
        }
        return out;
    }

    /**
     * The scenario file entries for the calendar's events from {@code after} on, each with its kind's
     * fitted multiplier on {@code target}; a future event whose kind has no past is left out, with a comment.
     */
    public static String yaml(List<EventFit> fits, List<CalendarEvent> events, long after, String target) {
        Map<String, EventFit> byKind = new LinkedHashMap<>();
        fits.forEach(f -> byKind.put(f.kind(), f));
        StringBuilder out = new StringBuilder();
        fits.forEach(f -> out.append(String.format(Locale.ROOT, "  # %s: %d past event(s), factor %.3f (sd %.3f); each: %s%n",
                f.kind(), f.factors().size(), f.mean(), f.sd(), list(f.factors()))));
        for (CalendarEvent e : events) {
            if (e.to() <= after) {
                continue;
            }
            EventFit f = byKind.get(e.kind());
            if (f == null) {
                out.append("  # left out '").append(e.name()).append("': no past event of kind '").append(e.kind())
                        .append("' to estimate its effect from\n");
                continue;
            }
            out.append(String.format(Locale.ROOT, """
                      - name: %s
                        type: event
                        target: %s
                        probability: 1
                        from: %s
                        to: %s
                        multiplier: %s
                    """, quoted(e.name()), target, Instant.ofEpochSecond(e.from()), Instant.ofEpochSecond(e.to()),
                    f.sd() > 0 ? String.format(Locale.ROOT, "{normal: {mean: %.4f, sd: %.4f}}", f.mean(), f.sd())
                            : String.format(Locale.ROOT, "%.4f", f.mean())));
        }
        return out.toString();
    }

    private static boolean[] mask(TimeGrid grid, List<CalendarEvent> events) {
        boolean[] in = new boolean[grid.length()];
        for (int t = 0; t < in.length; t++) {
            long time = grid.timeAt(t);
            for (CalendarEvent e : events) {
                if (time >= e.from() && time < e.to()) {
                    in[t] = true;
                    break;
                }
            }
        }
        return in;
    }

    private static double baseline(double[] y, boolean[] inEvent, int t, int season) {
        double[] v = new double[BASELINE_SEASONS];
        int n = 0;
        for (int k = 1; k <= BASELINE_SEASONS && t - k * season >= 0; k++) {
            int s = t - k * season;
            if (!inEvent[s] && !Double.isNaN(y[s])) {
                v[n++] = y[s];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] w = Arrays.copyOf(v, n);
        Arrays.sort(w);
        return n % 2 == 1 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
    }

    private static double sd(List<Double> values, double mean) {
        if (values.size() < 2) {
            return 0;
        }
        return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
    }

    private static String list(List<Double> factors) {
        StringJoiner j = new StringJoiner(", ");
        factors.forEach(f -> j.add(String.format(Locale.ROOT, "%.3f", f)));
        return j.toString();
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
