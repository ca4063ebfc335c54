package io.prescient.feedback.behaviour;

import io.prescient.feedback.world.HistoryRow;

import java.util.ArrayList;
import java.util.List;

/**
 * How the infrastructure team responds to utilisation, fitted from the capacity it actually added:
 * each day it orders {@code aggressiveness} of the gap between the capacity that would bring the
 * last {@code lookback} days' utilisation to {@code target} and the capacity in place or on order;
 * orders arrive after {@code leadDays} (later when the history marks the order as slipped). The
 * target and aggressiveness minimise the squared difference between the replayed and the recorded
 * capacity (grid search, then the curvature of the error gives their standard errors).
 */
public record CapacityResponseModel(Estimate target, Estimate aggressiveness, int lookback, int leadDays) {

    /**
     * @param lookback  days the team averages (known policy)
     * @param leadDays  order-to-delivery days (known)
     * @param shockDays how late a slipped delivery is (known)
     */
    public static CapacityResponseModel fit(List<HistoryRow> history, int lookback, int leadDays, int shockDays) {
        double bestT = 0;
        double bestA = 0;
        double best = Double.POSITIVE_INFINITY;
        for (double t = 0.50; t <= 0.951; t += 0.01) {
            for (double a = 0.02; a <= 1.001; a += 0.02) {
                double e = error(history, t, a, lookback, leadDays, shockDays);
                if (e < best) {
                    best = e;
                    bestT = t;
                    bestA = a;
                }
            }
        }
        double ht = 0.002;
        double ha = 0.005;
        double sigma2 = best / Math.max(1, history.size() - 2);
        double curvatureT = (error(history, bestT + ht, bestA, lookback, leadDays, shockDays) - 2 * best
                + error(history, bestT - ht, bestA, lookback, leadDays, shockDays)) / (ht * ht);
        double curvatureA = (error(history, bestT, bestA + ha, lookback, leadDays, shockDays) - 2 * best
                + error(history, bestT, bestA - ha, lookback, leadDays, shockDays)) / (ha * ha);
        double seT = curvatureT > 0 ? Math.sqrt(2 * sigma2 / curvatureT) : Double.NaN;
        double seA = curvatureA > 0 ? Math.sqrt(2 * sigma2 / curvatureA) : Double.NaN;
        return new CapacityResponseModel(new Estimate("target", bestT, Math.max(seT, 0.005)),
                new Estimate("aggressiveness", bestA, Math.max(seA, 0.01)), lookback, leadDays);
    }

    /** Sum of squared relative differences between replayed and recorded capacity. */
    static double error(List<HistoryRow> history, double target, double aggressiveness, int lookback, int leadDays, int shockDays) {
        int n = history.size();
        double[] arrivals = new double[n + leadDays + shockDays + 2];
        double capacity = history.get(0).allocatedCapacity();
        List<Double> utilisations = new ArrayList<>();
        double onOrder = 0;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            HistoryRow r = history.get(t);
            capacity += arrivals[t];
            onOrder -= arrivals[t];
            double d = (capacity - r.allocatedCapacity()) / r.allocatedCapacity();
            sum += d * d;
            utilisations.add(r.utilization());
            double recent = utilisations.subList(Math.max(0, utilisations.size() - lookback), utilisations.size())
                    .stream().mapToDouble(Double::doubleValue).average().orElse(r.utilization());
            double gap = recent * r.allocatedCapacity() / target - r.allocatedCapacity() - onOrder;
            if (gap > 0) {
                int arrival = t + Math.max(1, leadDays) + (r.deliveryShock() == 1 ? shockDays : 0);
                arrivals[Math.min(arrivals.length - 1, arrival)] += aggressiveness * gap;
                onOrder += aggressiveness * gap;
            }
        }
        return sum;
    }
}
