package io.prescient.feedback.behaviour;

import io.prescient.feedback.world.HistoryRow;

import java.util.List;

/**
 * How the infrastructure team responds to utilisation, fitted from the capacity it actually added:
 * each day it orders {@code aggressiveness} of the gap between the capacity that would bring the
 * last {@code lookback} days' utilisation to {@code target} and the capacity in place or on order;
 * orders arrive {@code leadDays} later ({@code shockDays} later still when a delivery slips).
 *
 * <p>The fit replays the policy one day at a time on the recorded capacity and utilisation and
 * compares the capacity it expects to arrive each day with the capacity that did. Where slips are
 * not recorded they are inferred: an order whose day passes with less than half of it arriving is
 * taken as slipped. Outages (capacity held back for a while, then back) are taken out of the capacity
 * in place: from the outage column, or, without one, from a drop that recovers within 30 days. The
 * lead and lookback are searched (1 to 45 and 1 to 14 days) unless known; target and aggressiveness
 * by a coarse then a fine grid. Standard errors come from the curvature of the squared error at the
 * optimum (floored at 0.005 and 0.01: the grid's resolution).
 */
public record CapacityResponseModel(Estimate target, Estimate aggressiveness, int lookback, int leadDays, int shockDays,
                                    int additions, double relativeError) {

    /** The fit and what it inferred about the history: orders taken as slipped (by order day), and capacity in place. */
    public record Fit(CapacityResponseModel model, int[] slipped, double[] inPlace, int[] outage) {
    }

    /** Lead and lookback when known, else null to search them. */
    public record Known(Integer lookback, Integer leadDays, int shockDays) {
    }

    private static final int MAX_LEAD = 45;
    private static final int MAX_LOOKBACK = 14;

    /** Capacity in place on each day of a history (its outage column taken out). */
    public static double[] inPlace(List<HistoryRow> history) {
        return inPlace(history.stream().mapToDouble(HistoryRow::allocatedCapacity).toArray(),
                history.stream().mapToInt(HistoryRow::capacityOutage).toArray());
    }

    /** The fit on a simulated or recorded history whose slips and outages are columns, with lookback and lead known. */
    public static CapacityResponseModel fit(List<HistoryRow> history, int lookback, int leadDays, int shockDays) {
        int n = history.size();
        double[] capacity = new double[n];
        double[] utilisation = new double[n];
        int[] outage = new int[n];
        int[] slipped = new int[n];
        for (int t = 0; t < n; t++) {
            HistoryRow r = history.get(t);
            capacity[t] = r.allocatedCapacity();
            utilisation[t] = r.utilization();
            outage[t] = r.capacityOutage();
            slipped[t] = r.deliveryShock();
        }
        return fit(capacity, utilisation, outage, slipped, new Known(lookback, leadDays, shockDays)).model();
    }

    /**
     * @param capacity    capacity available each day
     * @param utilisation demand over capacity each day
     * @param outage      1 on outage days, or null to detect them
     * @param slipped     1 on days whose order slipped, or null to infer them
     */
    public static Fit fit(double[] capacity, double[] utilisation, int[] outage, int[] slipped, Known known) {
        int n = capacity.length;
        int[] outages = outage != null ? outage.clone() : detectOutages(capacity);
        double[] inPlace = inPlace(capacity, outages);
        int additions = 0;
        for (int t = 1; t < n; t++) {
            additions += inPlace[t] > inPlace[t - 1] * 1.0005 ? 1 : 0;
        }
        double[][] prefix = new double[1][n + 1];
        for (int t = 0; t < n; t++) {
            prefix[0][t + 1] = prefix[0][t] + utilisation[t];
        }
        Replay replay = new Replay(inPlace, prefix[0], slipped, known.shockDays());
        int[] leads = known.leadDays() != null ? new int[] {known.leadDays()} : range(1, Math.min(MAX_LEAD, n / 3));
        int[] lookbacks = known.lookback() != null ? new int[] {known.lookback()} : range(1, MAX_LOOKBACK);
        double best = Double.POSITIVE_INFINITY;
        double[] at = {0.75, 0.3, 14, 3};
        for (int lead : leads) {
            for (int lookback : lookbacks) {
                for (double t = 0.50; t <= 0.951; t += 0.05) {
                    for (double a = 0.05; a <= 1.001; a += 0.05) {
                        double e = replay.error(t, a, lead, lookback, null);
                        if (e < best) {
                            best = e;
                            at = new double[] {t, a, lead, lookback};
                        }
                    }
                }
            }
        }
        int lead = (int) at[2];
        int lookback = (int) at[3];
        double bestT = at[0];
        double bestA = at[1];
        for (double t = Math.max(0.3, at[0] - 0.05); t <= Math.min(0.99, at[0] + 0.05) + 1e-9; t += 0.0025) {
            for (double a = Math.max(0.0025, at[1] - 0.05); a <= Math.min(1, at[1] + 0.05) + 1e-9; a += 0.0025) {
                double e = replay.error(t, a, lead, lookback, null);
                if (e < best) {
                    best = e;
                    bestT = t;
                    bestA = a;
                }
            }
        }
        double ht = 0.002;
        double ha = 0.005;
        double sigma2 = best / Math.max(1, n - 2);
        double curvatureT = (replay.error(bestT + ht, bestA, lead, lookback, null) - 2 * best
                + replay.error(bestT - ht, bestA, lead, lookback, null)) / (ht * ht);
        double curvatureA = (replay.error(bestT, bestA + ha, lead, lookback, null) - 2 * best
                + replay.error(bestT, bestA - ha, lead, lookback, null)) / (ha * ha);
        double seT = curvatureT > 0 ? Math.sqrt(2 * sigma2 / curvatureT) : Double.NaN;
        double seA = curvatureA > 0 ? Math.sqrt(2 * sigma2 / curvatureA) : Double.NaN;
        int[] inferred = new int[n];
        replay.error(bestT, bestA, lead, lookback, inferred);
        double scale = 0;
        for (int t = 1; t < n; t++) {
            double d = (inPlace[t] - inPlace[t - 1]) / inPlace[t];
            scale += d * d;
        }
        CapacityResponseModel model = new CapacityResponseModel(
                new Estimate("target", bestT, Double.isNaN(seT) ? 0.1 : Math.max(seT, 0.005)),
                new Estimate("aggressiveness", bestA, Double.isNaN(seA) ? 0.2 : Math.max(seA, 0.01)), lookback, lead,
                known.shockDays(), additions, scale > 0 ? Math.sqrt(best / scale) : 0);
        return new Fit(model, slipped != null ? slipped.clone() : inferred, inPlace, outages);
    }

    /**
     * Outages without a column: a drop of 2% or more that recovers (within 3%) inside 30 days, or one in
     * the last 30 days that has not recovered yet (taken as under way when the history ends).
     */
    public static int[] detectOutages(double[] capacity) {
        int n = capacity.length;
        int[] out = new int[n];
        for (int t = 1; t < n; t++) {
            double ratio = capacity[t] / capacity[t - 1];
            if (ratio >= 0.98 || out[t] == 1) {
                continue;
            }
            int end = n - t <= 30 ? n : -1;
            for (int s = t + 1; s < Math.min(n, t + 31); s++) {
                if (capacity[s] / capacity[s - 1] >= 0.97 / ratio) {
                    end = s;
                    break;
                }
            }
            for (int k = t; k < end; k++) {
                out[k] = 1;
            }
        }
        return out;
    }

    /** Capacity in place: on outage days, the capacity available scaled up by the share its first day held back. */
    public static double[] inPlace(double[] capacity, int[] outage) {
        double[] out = capacity.clone();
        double share = 0;
        for (int t = 0; t < capacity.length; t++) {
            if (outage[t] == 1) {
                if (t > 0 && outage[t - 1] == 0) {
                    share = Math.max(0, Math.min(0.9, 1 - capacity[t] / capacity[t - 1]));
                }
                out[t] = capacity[t] / (1 - share);
            }
        }
        return out;
    }

    private static int[] range(int from, int to) {
        int[] out = new int[Math.max(1, to - from + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    /** The policy replayed on the recorded days. */
    private record Replay(double[] inPlace, double[] utilisationPrefix, int[] slipped, int shockDays) {

        /** Sum of squared relative differences between the capacity expected to arrive and what did; slips inferred into {@code slipsOut}. */
        double error(double target, double aggressiveness, int lead, int lookback, int[] slipsOut) {
            int n = inPlace.length;
            double[] planned = new double[n + lead + shockDays + 2];
            double[] regular = new double[planned.length];
            double onOrder = 0;
            double sum = 0;
            for (int t = 0; t < n; t++) {
                double arrived = t == 0 ? 0 : Math.max(0, inPlace[t] - inPlace[t - 1]);
                double expected = planned[t];
                if (slipped == null && regular[t] > 0 && arrived < expected - 0.5 * regular[t]) {
                    planned[Math.min(planned.length - 1, t + shockDays)] += regular[t];
                    expected -= regular[t];
                    if (slipsOut != null && t - lead >= 0) {
                        slipsOut[t - lead] = 1;
                    }
                }
                double d = (arrived - expected) / inPlace[t];
                sum += d * d;
                onOrder -= expected;
                int from = Math.max(0, t + 1 - lookback);
                double recent = (utilisationPrefix[t + 1] - utilisationPrefix[from]) / (t + 1 - from);
                double gap = recent * inPlace[t] / target - inPlace[t] - onOrder;
                if (gap > 0) {
                    double order = aggressiveness * gap;
                    boolean late = slipped != null && slipped[t] == 1;
                    int arrival = Math.min(planned.length - 1, t + Math.max(1, lead) + (late ? shockDays : 0));
                    planned[arrival] += order;
                    if (!late) {
                        regular[arrival] += order;
                    }
                    onOrder += order;
                }
            }
            return sum;
        }
    }
}
