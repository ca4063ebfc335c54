package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One workload's forecasts, scored once their horizon has passed against what was observed at their
 * times (coverage of the provisioned percentile, absolute error of the median), and the drift rule:
 * when the coverage of the last {@code window} scored forecasts is below {@code minCoverage}, a drift
 * cycle is due, at most once per {@code window} scored forecasts, and only once the data since the
 * first point those forecasts missed (the change's onset) is long enough for the cycle's validation
 * windows: a cycle run a few points after a level shift would validate every candidate on windows
 * that straddle the shift, which none could forecast, and pick one by chance. Both clocks use it, so
 * a replay and a live loop score and drift alike.
 */
public final class ForecastMonitor {

    private record Pending(TimeGrid grid, double[] median, double[] upper) {
    }

    /** A scored forecast: the share of its points covered, and the time of the first it missed (none: {@code Long.MAX_VALUE}). */
    private record Scored(double coverage, long firstMiss) {
    }

    private final double percentile;
    private final int window;
    private final double minCoverage;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Deque<Scored> rolling = new ArrayDeque<>();
    private double error;
    private int points;
    private int covered;
    private int forecasts;
    private int scored;
    private int scoredAtLastDrift;
    /** The onset of a drift detected but not yet cycled ({@code Long.MAX_VALUE}: none). */
    private long pendingOnset = Long.MAX_VALUE;
    /** The rolling coverage when that drift was detected. */
    private double pendingCoverage = Double.NaN;

    public ForecastMonitor(double percentile, int window, double minCoverage) {
        if (window < 1) {
            throw new IllegalArgumentException("the monitor window must be at least 1 forecast, got " + window);
        }
        this.percentile = percentile;
        this.window = window;
        this.minCoverage = minCoverage;
        this.scoredAtLastDrift = -window;
    }

    /** A forecast to score once its horizon has passed. */
    public void add(Forecast f) {
        add(f.grid(), f.median(), f.quantile(percentile));
    }

    /** A recorded forecast (its median and provisioned percentile over {@code grid}) to score once its horizon has passed. */
    public void add(TimeGrid grid, double[] median, double[] upper) {
        if (median.length != grid.length() || upper.length != grid.length()) {
            throw new IllegalArgumentException("a forecast over " + grid.length() + " steps needs as many medians and upper values");
        }
        pending.add(new Pending(grid, median.clone(), upper.clone()));
        forecasts++;
    }

    /**
     * Scores every pending forecast whose horizon ends at or before {@code now} with the actuals in
     * {@code observed} (steps it does not cover, or where it is missing, are not counted).
     */
    public void settle(long now, History observed) {
        TimeGrid grid = observed.grid();
        while (!pending.isEmpty() && pending.peek().grid().end() <= now) {
            Pending p = pending.poll();
            int in = 0;
            int n = 0;
            long firstMiss = Long.MAX_VALUE;
            for (int h = 0; h < p.median().length; h++) {
                long t = p.grid().timeAt(h);
                if (!grid.onPhase(t)) {
                    continue;
                }
                long i = grid.indexOf(t);
                double actual = i >= 0 && i < observed.length() ? observed.target((int) i) : Double.NaN;
                if (!Double.isNaN(actual)) {
                    error += Math.abs(actual - p.median()[h]);
                    if (actual <= p.upper()[h]) {
                        in++;
                    } else {
                        firstMiss = Math.min(firstMiss, t);
                    }
                    n++;
                }
            }
            points += n;
            covered += in;
            if (n > 0) {
                rolling.add(new Scored((double) in / n, firstMiss));
                if (rolling.size() > window) {
                    rolling.poll();
                }
                scored++;
            }
        }
    }

    /** Scores what is still pending with what was observed (horizons past its end count what they can). */
    public void settleAll(History observed) {
        settle(Long.MAX_VALUE, observed);
    }

    /** Whether the rolling coverage calls for a drift cycle now, whatever data it has seen since the onset. */
    public boolean driftDue() {
        return rolling.size() >= window && rollingCoverage() < minCoverage && scored - scoredAtLastDrift >= window;
    }

    /**
     * Whether a drift cycle should run now: the rolling coverage has called for one (now or since the
     * last cycle: a detected change stays pending even if the model catches up meanwhile), and the data
     * observed up to {@code lastObserved} reaches at least {@code settleSeconds} past its onset (the first
     * point the rolling window's forecasts missed when it was detected), so that a cycle validating on
     * that much recent data sees the new behaviour from each window's origin.
     */
    public boolean driftDue(long lastObserved, long settleSeconds) {
        if (pendingOnset == Long.MAX_VALUE && driftDue()) {
            pendingOnset = onset();
            pendingCoverage = rollingCoverage();
        }
        return pendingOnset != Long.MAX_VALUE && lastObserved - pendingOnset >= settleSeconds;
    }

    /**
     * The first point missed by the rolling window's failing forecasts, those whose own coverage is below the floor
     * ({@code Long.MAX_VALUE} when none failed): a forecast that missed a point or two before the change, as a P95
     * band does now and then, is noise, not the change.
     */
    public long onset() {
        return rolling.stream().filter(s -> s.coverage() < minCoverage).mapToLong(Scored::firstMiss).min().orElse(Long.MAX_VALUE);
    }

    /** Notes that a drift cycle ran, so the next waits for a fresh window of scored forecasts. */
    public void drifted() {
        scoredAtLastDrift = scored;
        pendingOnset = Long.MAX_VALUE;
        pendingCoverage = Double.NaN;
    }

    /** The rolling coverage that called for the drift cycle due now (when it waited for data, the coverage when it was detected). */
    public double driftCoverage() {
        return Double.isNaN(pendingCoverage) ? rollingCoverage() : pendingCoverage;
    }

    /** Coverage of the provisioned percentile over the last {@code window} scored forecasts (NaN before any). */
    public double rollingCoverage() {
        return rolling.stream().mapToDouble(Scored::coverage).average().orElse(Double.NaN);
    }

    public Accuracy total() {
        return new Accuracy(forecasts, points, points == 0 ? Double.NaN : error / points,
                points == 0 ? Double.NaN : (double) covered / points);
    }
}
