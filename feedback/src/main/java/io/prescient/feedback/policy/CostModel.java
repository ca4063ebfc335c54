package io.prescient.feedback.policy;

/**
 * What a simulated year costs.
 *
 * @param capacityPerUnitDay  price of one unit of capacity for a day (e.g. a GPU-hour-per-day of capacity)
 * @param slaPenaltyPerUnit   penalty per unit of demand above capacity (unserved, SLA breached)
 * @param delayPerLaunchDay   cost of delaying one launch by one day
 */
public record CostModel(double capacityPerUnitDay, double slaPenaltyPerUnit, double delayPerLaunchDay) {

    /** Capacity 2 per unit-day, unserved demand 20 per unit, a launch-day of delay 5,000. */
    public static CostModel defaults() {
        return new CostModel(2, 20, 5000);
    }
}
