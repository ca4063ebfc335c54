package io.prescient.forecast.model;

import io.prescient.forecast.Forecast;

import java.util.Arrays;
import java.util.List;

/**
 * The quantiles of a mixture of forecasts: the linear pool, whose distribution function is the
 * weighted mean of the members' ({@code F = sum w_i F_i}). Each member's distribution is read from
 * its quantile function on a grid of levels (0.005, 0.01, ..., 0.99, 0.995) and taken as linear
 * between them, with the mass beyond the grid's ends at those ends. Where members disagree the pool
 * is wider than any of them, and two modes (a batch job idle or running) stay two modes: this is
 * what averaging quantiles cannot do.
 */
final class LinearPool {

    /** Levels each member's quantile function is read at. */
    static final double[] GRID = grid();

    private LinearPool() {
    }

    /**
     * @param members forecasts over the same steps
     * @param weights one per member, non-negative, summing to 1
     * @param levels  sorted levels in (0, 1)
     * @return {@code values[h][k]}: the pool's {@code levels[k]}-quantile at step {@code h}
     */
    static double[][] quantiles(List<Forecast> members, double[] weights, double[] levels) {
        int steps = members.get(0).horizon();
        check(members, weights, steps);
        double[][][] knots = new double[members.size()][][];
        for (int i = 0; i < members.size(); i++) {
            knots[i] = byStep(members.get(i), steps);
        }
        double[][] values = new double[steps][];
        for (int h = 0; h < steps; h++) {
            double[][] atStep = new double[members.size()][];
            for (int i = 0; i < members.size(); i++) {
                atStep[i] = knots[i][h];
            }
            values[h] = atStep(atStep, weights, levels);
        }
        return values;
    }

    private static void check(List<Forecast> members, double[] weights, int steps) {
        if (weights.length != members.size()) {
            throw new IllegalArgumentException(members.size() + " members but " + weights.length + " weights");
        }
        double sum = 0;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).horizon() != steps) {
                throw new IllegalArgumentException("member " + members.get(i).model() + " forecasts " + members.get(i).horizon()
                        + " steps, the first member " + steps);
            }
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weight " + weights[i] + " of member " + members.get(i).model() + " is negative");
            }
            sum += weights[i];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("the weights sum to " + sum + ", not 1");
        }
    }

    /** The member's grid quantiles per step, made non-decreasing; a value that is not finite is refused. */
    static double[][] byStep(Forecast f, int steps) {
        double[][] out = new double[steps][GRID.length];
        for (int g = 0; g < GRID.length; g++) {
            double[] q = f.quantile(GRID[g]);
            for (int h = 0; h < steps; h++) {
                if (!Double.isFinite(q[h])) {
                    throw new IllegalArgumentException("member " + f.model() + " has a " + GRID[g] + "-quantile of " + q[h]
                            + " at step " + (h + 1) + "; a mixture needs finite quantiles");
                }
                out[h][g] = g == 0 ? q[h] : Math.max(q[h], out[h][g - 1]);
            }
        }
        return out;
    }

    /** The pool's quantiles at one step, from each member's grid quantiles there (each non-decreasing). */
    static double[] atStep(double[][] members, double[] weights, double[] levels) {
        double[] points = distinctSorted(members);
        // the pool's distribution function at each point, P(X <= x), and just before it, P(X < x)
        double[] at = new double[points.length];
        double[] below = new double[points.length];
        for (int i = 0; i < members.length; i++) {
            double[] q = members[i];
            int atOrBelow = 0;
            int under = 0;
            for (int m = 0; m < points.length; m++) {
                double x = points[m];
                while (atOrBelow < q.length && q[atOrBelow] <= x) {
                    atOrBelow++;
                }
                while (under < q.length && q[under] < x) {
                    under++;
                }
                at[m] += weights[i] * cdf(q, x, atOrBelow);
                below[m] += weights[i] * cdf(q, x, under);
            }
        }
        double[] out = new double[levels.length];
        int m = 0;
        for (int k = 0; k < levels.length; k++) {
            double level = levels[k];
            // the first point where the pool reaches the level; it is reached on the way there (the pool
            // is linear from the point before) or at the point itself (some member has mass there)
            while (m < points.length - 1 && at[m] < level) {
                m++;
            }
            if (m > 0 && below[m] >= level) {
                double share = (level - at[m - 1]) / (below[m] - at[m - 1]);
                out[k] = points[m - 1] + (points[m] - points[m - 1]) * share;
            } else {
                out[k] = points[m];
            }
        }
        return out;
    }

    /**
     * A member's distribution function at {@code x}, linear between its grid quantiles, with the mass
     * beyond the grid's ends at those ends; {@code count} of its grid quantiles lie below {@code x}
     * (or at it, for {@code P(X <= x)}).
     */
    private static double cdf(double[] q, double x, int count) {
        if (count == 0) {
            return 0;
        }
        if (count == q.length) {
            return 1;
        }
        int lo = count - 1;
        // q[lo] <= x < q[lo + 1] (or q[lo] < x <= q[lo + 1] for P(X < x)): the span is never empty
        return GRID[lo] + (GRID[lo + 1] - GRID[lo]) * (x - q[lo]) / (q[lo + 1] - q[lo]);
    }

    /** Every member's grid quantiles (each sorted already), merged, each value once. */
    private static double[] distinctSorted(double[][] members) {
        double[] merged = members[0];
        for (int i = 1; i < members.length; i++) {
            merged = merge(merged, members[i]);
        }
        double[] out = new double[merged.length];
        int distinct = 0;
        for (double v : merged) {
            if (distinct == 0 || v != out[distinct - 1]) {
                out[distinct++] = v;
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    private static double[] merge(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        int i = 0;
        int j = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
        }
        return out;
    }

    private static double[] grid() {
        double[] g = new double[101];
        g[0] = 0.005;
        for (int k = 1; k <= 99; k++) {
            g[k] = k / 100.0;
        }
        g[100] = 0.995;
        return g;
    }
}
