package io.prescient.server.state;

import java.util.List;
import java.util.Optional;

/**
 * One workload as of the loop's latest round.
 *
 * @param name          {@code item/metric}
 * @param unit          unit symbol of its demand
 * @param stepSeconds   grid step
 * @param now           epoch seconds of the latest decision (the end of the history it saw)
 * @param recentTimes   epoch seconds of the recent demand shown
 * @param recentDemand  recent demand (NaN where missing), up to now
 * @param recentCapacity capacity in place over the same steps (units x unit capacity)
 * @param unitCapacity  demand one unit serves at 100%
 * @param units         units ordered at the latest round
 * @param forecast      the latest forecast, if the latest round made one
 * @param planCapacity  the latest plan's capacity per forecast step (empty when held)
 * @param held          whether the latest round held capacity
 * @param reason        the latest decision's reason
 * @param model         the model version that made the latest decision ("" before any)
 * @param rounds        rounds so far
 * @param orders        rounds that changed the units
 * @param holds         rounds that held
 * @param accuracy      rolling accuracy of the median and coverage of the provisioned percentile
 * @param calibration   observed share of actuals at or below each kept quantile level (by {@link ForecastBands#LEVELS})
 * @param calibrationPoints actuals scored for the calibration
 * @param drifts        drift events so far
 * @param cappedSteps   steps of the latest plan at which demand at the percentile needs more than max_units
 * @param shortfall     the most demand the maximum leaves unserved at such a step (demand units; 0 when none)
 * @param costs         what the plan and the capacity shown cost, beside a reactive rule on the same demand
 */
public record WorkloadSnapshot(String name, String unit, long stepSeconds, long now, long[] recentTimes, double[] recentDemand,
                               double[] recentCapacity, double unitCapacity, double units, Optional<ForecastBands> forecast,
                               double[] planCapacity, boolean held, String reason, String model, int rounds, int orders, int holds,
                               List<AccuracyPoint> accuracy, double[] calibration, long calibrationPoints, List<String> drifts,
                               int cappedSteps, double shortfall, Costs costs) {

    /**
     * @param pricing  the unit price and currency (a price of NaN: costs in unit-hours only)
     * @param planCost the latest plan's capacity over its horizon at the unit price
     * @param window   the capacity in place over the recent steps shown, against a reactive rule on the same demand
     */
    public record Costs(io.prescient.plan.capacity.Pricing pricing, double planCost, io.prescient.plan.capacity.CostComparison window) {
    }

    /** Accuracy after a round: cumulative MAE of the median and coverage of the provisioned percentile. */
    public record AccuracyPoint(long time, double meanAbsoluteError, double coverage) {
    }

    /** Demand at the latest step with a value, NaN if none. */
    public double lastDemand() {
        for (int i = recentDemand.length - 1; i >= 0; i--) {
            if (!Double.isNaN(recentDemand[i])) {
                return recentDemand[i];
            }
        }
        return Double.NaN;
    }

    /** Capacity in place now over the latest demand, NaN if either is unknown. */
    public double utilisation() {
        double capacity = units * unitCapacity;
        return capacity > 0 ? lastDemand() / capacity : Double.NaN;
    }

    /** The highest P95 demand the latest forecast expects over the capacity in place now, NaN without a forecast or capacity. */
    public double risk() {
        double capacity = units * unitCapacity;
        if (forecast.isEmpty() || !(capacity > 0)) {
            return Double.NaN;
        }
        double peak = java.util.Arrays.stream(forecast.get().level(0.95)).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        return peak / capacity;
    }

    /** Coverage of the provisioned percentile so far, NaN before any forecast was scored. */
    public double coverage() {
        return accuracy.isEmpty() ? Double.NaN : accuracy.get(accuracy.size() - 1).coverage();
    }

    /**
     * held (the latest round could not plan), capped (max_units keeps the plan below the demand it
     * provisions for), drift (accuracy fell below the monitor's floor) or ok.
     */
    public String status() {
        return held ? "held" : cappedSteps > 0 ? "capped" : drifts.isEmpty() ? "ok" : "drift";
    }
}
