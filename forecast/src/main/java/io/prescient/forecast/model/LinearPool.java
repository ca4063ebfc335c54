package io.prescient.forecast.model;

import io.prescient.forecast.Forecast;

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

    /**
     * The pool's quantiles at one step, from each member's grid quantiles there (each non-decreasing).
     * One pass over the members' knots in order, merged: at each distinct knot {@code x} the pool's
     * distribution function just below it and at it, each member's read from its current segment;
     * each level is placed as soon as the pool reaches it. The work is the knots times the members,
     * with no sorting or buffers.
     */
    static double[] atStep(double[][] members, double[] weights, double[] levels) {
        int count = members.length;
        int[] next = new int[count];
        // each member's distribution function on its current segment, below its next knot: from..(its slope)
        double[] from = new double[count];
        double[] slope = new double[count];
        double[] out = new double[levels.length];
        int k = 0;
        double previousX = 0;
        double previousAt = 0;
        boolean first = true;
        while (k < levels.length) {
            double x = Double.POSITIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                if (next[i] < members[i].length && members[i][next[i]] < x) {
                    x = members[i][next[i]];
                }
            }
            if (x == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("the members' grid quantiles must be finite numbers");
            }
            // P(X < x) and P(X <= x); every member's knots below x are passed
            double below = 0;
            double at = 0;
            boolean last = true;
            for (int i = 0; i < count; i++) {
                double[] q = members[i];
                int n = next[i];
                double justBelow = n == 0 ? 0 : n == q.length ? 1 : from[i] + slope[i] * (x - q[n - 1]);
                if (n < q.length && q[n] == x) {
                    while (n < q.length && q[n] == x) {
                        n++;
                    }
                    next[i] = n;
                    if (n < q.length) {
                        // q[n - 1] < q[n]: the span is never empty
                        from[i] = GRID[n - 1];
                        slope[i] = (GRID[n] - GRID[n - 1]) / (q[n] - q[n - 1]);
                    }
                    at += weights[i] * (n == q.length ? 1 : GRID[n - 1]);
                } else {
                    at += weights[i] * justBelow;
                }
                below += weights[i] * justBelow;
                last &= n == q.length;
            }
            // the levels reached on the way to x (the pool is linear from the knot before) or at x
            while (k < levels.length && (at >= levels[k] || last)) {
                double level = levels[k];
                out[k++] = !first && below >= level
                        ? previousX + (x - previousX) * (level - previousAt) / (below - previousAt)
                        : x;
            }
            previousX = x;
            previousAt = at;
            first = false;
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
