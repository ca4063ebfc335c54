package io.prescient.feedback.causal;

import io.prescient.feedback.world.HistoryRow;

import java.time.DayOfWeek;
import java.util.List;

/**
 * How much demand follows the capacity on offer (the elasticity of demand to capacity), from a
 * history: log actual demand on log capacity, with log base demand, log(1 - efficiency gains), a
 * trend and a weekend indicator as controls, and exogenous capacity outages as the instrument.
 * Ordinary regression is biased here because capacity is ordered in response to demand (launches
 * the history does not show raise both); outages move capacity for reasons unrelated to demand.
 * With the elasticity, counterfactual demand under unconstrained capacity is
 * actual x (capacity needed / capacity offered)^elasticity.
 */
public final class CapacityElasticity {

    private CapacityElasticity() {
    }

    /**
     * Demand had capacity not constrained it, day by day: actual x (utilisation / target)^elasticity
     * (capacity at the target utilisation against the capacity offered).
     */
    public static double[] counterfactual(List<HistoryRow> history, double elasticity, double target) {
        return history.stream().mapToDouble(r -> r.actualDemand() * Math.pow(r.utilization() / target, elasticity)).toArray();
    }

    /** @throws IllegalArgumentException if the history has no outage to learn from */
    public static TwoStageLeastSquares.Fit estimate(List<HistoryRow> history) {
        int n = history.size();
        double[] y = new double[n];
        double[] x = new double[n];
        double[][] z = new double[n][1];
        double[][] w = new double[n][4];
        int outages = 0;
        for (int t = 0; t < n; t++) {
            HistoryRow r = history.get(t);
            y[t] = Math.log(r.actualDemand());
            x[t] = Math.log(r.allocatedCapacity());
            z[t][0] = r.capacityOutage();
            outages += r.capacityOutage();
            DayOfWeek d = r.date().getDayOfWeek();
            w[t] = new double[] {Math.log(r.baseDemand()), Math.log(1 - r.efficiencyGains()), t,
                d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 1 : 0};
        }
        if (outages == 0 || outages == n) {
            throw new IllegalArgumentException("the history has " + (outages == 0 ? "no" : "only") + " capacity-outage days: "
                    + "the instrument does not vary, so the elasticity cannot be estimated");
        }
        return TwoStageLeastSquares.fit(y, x, z, w, "capacity elasticity");
    }
}
