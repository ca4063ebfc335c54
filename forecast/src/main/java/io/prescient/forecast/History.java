package io.prescient.forecast;

import io.prescient.core.TimeGrid;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a model may learn from: the target's past on a regular grid (NaN = missing), the covariates'
 * past on the same grid, and whether the target can be negative. Arrays are copied in and out;
 * covariates are kept in name order, so every face hands a model the same order (and the same draws).
 */
public final class History {

    private final TimeGrid grid;
    private final double[] target;
    private final Map<String, double[]> covariates;
    private final boolean nonNegative;

    /** @throws IllegalArgumentException if a length differs from the grid's */
    public History(TimeGrid grid, double[] target, Map<String, double[]> covariates, boolean nonNegative) {
        if (target.length != grid.length()) {
            throw new IllegalArgumentException("history has " + target.length + " values for " + grid.length() + " steps");
        }
        Map<String, double[]> copy = new TreeMap<>();
        covariates.forEach((name, values) -> {
            if (values.length != grid.length()) {
                throw new IllegalArgumentException("covariate '" + name + "' has " + values.length + " values for "
                        + grid.length() + " steps");
            }
            copy.put(name, values.clone());
        });
        this.grid = grid;
        this.target = target.clone();
        this.covariates = Collections.unmodifiableMap(copy);
        this.nonNegative = nonNegative;
    }

    /** A univariate history. */
    public static History of(TimeGrid grid, double[] target, boolean nonNegative) {
        return new History(grid, target, Map.of(), nonNegative);
    }

    public TimeGrid grid() {
        return grid;
    }

    public int length() {
        return target.length;
    }

    /** A copy of the target values. */
    public double[] target() {
        return target.clone();
    }

    /** The target value at step {@code i} (no copy). */
    public double target(int i) {
        return target[i];
    }

    public Map<String, double[]> covariates() {
        Map<String, double[]> copy = new TreeMap<>();
        covariates.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    public boolean nonNegative() {
        return nonNegative;
    }

    /**
     * What the first {@code n} steps hold (their grid, target, covariates and sign constraint), as two
     * independent 64-bit hashes: equal heads give equal fingerprints, different ones the same by chance
     * about once in 2^128. For memos of what a model computed from a head.
     */
    public Fingerprint fingerprint(int n) {
        if (n < 0 || n > target.length) {
            throw new IllegalArgumentException("a head of " + n + " steps of a history of " + target.length);
        }
        Hash hash = new Hash(nonNegative ? 1 : 0);
        hash.add(target, n);
        covariates.forEach((name, values) -> {
            hash.add(name.length());
            name.chars().forEach(hash::add);
            hash.add(values, n);
        });
        return new Fingerprint(grid.start(), grid.stepSeconds(), n, hash.finish(hash.a), hash.finish(hash.b));
    }

    /** A head's place on the clock and two hashes of what it holds. */
    public record Fingerprint(long start, long stepSeconds, int length, long a, long b) {
    }

    /** Two multiply-xorshift hashes of a stream of values, with different constants. */
    private static final class Hash {
        long a;
        long b;

        Hash(long seed) {
            a = seed ^ 0x9E3779B97F4A7C15L;
            b = seed ^ 0xC2B2AE3D27D4EB4FL;
        }

        void add(double[] values, int n) {
            add(n);
            for (int i = 0; i < n; i++) {
                add(Double.doubleToLongBits(values[i]));
            }
        }

        void add(long v) {
            a = Long.rotateLeft((a ^ v) * 0x9E3779B97F4A7C15L, 29);
            b = (b + v) * 0xC2B2AE3D27D4EB4FL;
            b ^= b >>> 31;
        }

        long finish(long h) {
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            h *= 0xC4CEB9FE1A85EC53L;
            return h ^ (h >>> 33);
        }
    }

    /** The first {@code n} steps, as the history a model would have had then. */
    public History head(int n) {
        Map<String, double[]> cut = new TreeMap<>();
        covariates.forEach((k, v) -> cut.put(k, Arrays.copyOf(v, n)));
        return new History(grid.withLength(n), Arrays.copyOf(target, n), cut, nonNegative);
    }

    /**
     * The covariates' forecasts for the next {@code horizon} steps when nobody knows their future:
     * each covariate's ensemble forecast (the point rules and pairs that validate best on its own
     * recent windows: its daily profile, a shifted level, a trend; see
     * {@link io.prescient.forecast.model.EnsembleForecaster}: on users growing 2/h beside a daily
     * cycle its error is a tenth of seasonal naive's, on a flat cycle about the same), or its
     * seasonal-naive forecast (its value a season earlier) where the ensemble cannot fit it. The
     * planning loop forecasts with their medians and simulates their sample paths, and validation
     * scores with the same medians, so a model is validated on the covariate futures it is served.
     */
    public Map<String, Forecast> covariateForecasts(int horizon, int season) {
        Map<String, Forecast> out = new TreeMap<>();
        covariates.forEach((name, values) -> {
            boolean nonNegativeCovariate = Arrays.stream(values).allMatch(v -> Double.isNaN(v) || v >= 0);
            History own = History.of(grid, values, nonNegativeCovariate);
            Forecast f;
            try {
                f = io.prescient.forecast.model.EnsembleForecaster.defaults(season, horizon).fit(own).forecast(horizon);
                for (double v : f.median()) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("non-finite");
                    }
                }
            } catch (RuntimeException cannotFit) {
                f = new io.prescient.forecast.model.SeasonalNaiveForecaster(season).fit(own).forecast(horizon);
            }
            out.put(name, f);
        });
        return out;
    }

    /** The medians of {@link #covariateForecasts}: the covariates' future as a model is served it. */
    public Map<String, double[]> covariatesAhead(int horizon, int season) {
        return medians(covariateForecasts(horizon, season));
    }

    /** Each forecast's median, by name. */
    public static Map<String, double[]> medians(Map<String, Forecast> forecasts) {
        Map<String, double[]> out = new TreeMap<>();
        forecasts.forEach((name, f) -> out.put(name, f.median()));
        return out;
    }

    /** Steps per day and per week on this grid, 0 where the step does not divide them. */
    public int stepsPer(long seconds) {
        return seconds % grid.stepSeconds() == 0 ? (int) (seconds / grid.stepSeconds()) : 0;
    }
}
