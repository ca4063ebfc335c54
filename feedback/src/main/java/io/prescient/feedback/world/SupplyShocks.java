package io.prescient.feedback.world;

/**
 * Exogenous capacity disruptions (a vendor recall, a datacentre outage: nothing to do with demand)
 * and how much demand follows the capacity on offer. Each day an outage starts with
 * {@code outageProbability}, holding back {@code outageShare} of capacity for {@code outageDays};
 * demand is multiplied by (effective capacity / capacity needed at the target)^{@code capacityElasticity}
 * (teams run more jobs when capacity is plentiful, fewer when it is scarce).
 */
public record SupplyShocks(double outageProbability, double outageShare, int outageDays, double capacityElasticity) {

    /** No outages, no elasticity: the simulator's default world. */
    public static final SupplyShocks NONE = new SupplyShocks(0, 0, 1, 0);

    public SupplyShocks {
        if (!(outageProbability >= 0 && outageProbability <= 1) || !(outageShare >= 0 && outageShare < 1) || outageDays < 1) {
            throw new IllegalArgumentException("need an outage probability in [0, 1], a share in [0, 1) and at least one day");
        }
    }
}
