package io.prescient.plan.capacity;

/**
 * How demand becomes capacity for one workload.
 *
 * @param unitCapacity      demand one unit (replica, instance) serves at 100% utilisation
 * @param targetUtilisation utilisation to plan for, in (0, 1]
 * @param minUnits          fewest units
 * @param maxUnits          most units
 * @param maxStep           largest change between consecutive steps, in units
 * @param cooldownSteps     steps after a change before a scale-down may follow
 * @param leadSteps         steps between deciding a change and it being in place
 * @param integerUnits      whole units (replicas); false for continuous capacity
 */
public record CapacityModel(double unitCapacity, double targetUtilisation, int minUnits, int maxUnits, int maxStep,
                            int cooldownSteps, int leadSteps, boolean integerUnits) implements java.io.Serializable {

    /** @throws IllegalArgumentException for values outside their ranges, naming the field */
    public CapacityModel {
        if (!(unitCapacity > 0)) {
            throw new IllegalArgumentException("unit_capacity must be > 0, got " + unitCapacity);
        }
        if (!(targetUtilisation > 0 && targetUtilisation <= 1)) {
            throw new IllegalArgumentException("target_utilisation must be in (0, 1], got " + targetUtilisation);
        }
        if (minUnits < 0 || maxUnits < minUnits) {
            throw new IllegalArgumentException("need 0 <= min_units <= max_units, got " + minUnits + ".." + maxUnits);
        }
        if (maxStep < 1 || cooldownSteps < 0 || leadSteps < 0) {
            throw new IllegalArgumentException("need max_step >= 1, cooldown >= 0 and lead >= 0");
        }
    }

    /** Units needed to serve a demand at the target utilisation, before bounds. */
    double unitsFor(double demand) {
        double units = Math.max(0, demand) / (unitCapacity * targetUtilisation);
        return integerUnits ? Math.ceil(units - 1e-9) : units;
    }
}
