package io.prescient.plan.capacity;

/**
 * What capacity cost over a stretch of observed demand, and how often it fell short, for the capacity
 * the loop had in place and for a reactive rule on the same demand: the autoscaler that sizes to the
 * demand it saw one lead time ago (at least one step) at the same target utilisation and bounds, as an
 * HPA does once new replicas take the lead time to arrive.
 *
 * @param hours           hours covered (steps with demand)
 * @param unitHours       unit-hours the loop's capacity held
 * @param reactiveUnitHours unit-hours the reactive rule would have held
 * @param cost            {@code unitHours} at the unit price (NaN without a price)
 * @param reactiveCost    {@code reactiveUnitHours} at the unit price (NaN without a price)
 * @param shortShare      share of steps where demand exceeded the loop's capacity
 * @param reactiveShortShare the same for the reactive rule
 */
public record CostComparison(double hours, double unitHours, double reactiveUnitHours, double cost, double reactiveCost,
                             double shortShare, double reactiveShortShare) {

    /** Nothing observed yet. */
    public static final CostComparison NONE = new CostComparison(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * @param demand     observed demand per step (NaN where missing: not counted)
     * @param capacity   capacity in place per step, in demand units (NaN where unknown: not counted)
     * @param unitPrice  price of one unit for one hour (NaN: none configured)
     */
    public static CostComparison of(double[] demand, double[] capacity, long stepSeconds, CapacityModel model, double unitPrice) {
        if (demand.length != capacity.length) {
            throw new IllegalArgumentException("need capacity for every step of demand: " + demand.length + " vs " + capacity.length);
        }
        int lag = Math.max(1, model.leadSteps());
        double stepHours = stepSeconds / 3600.0;
        int steps = 0;
        int short1 = 0;
        int short2 = 0;
        double units = 0;
        double reactive = 0;
        for (int t = lag; t < demand.length; t++) {
            if (Double.isNaN(demand[t]) || Double.isNaN(capacity[t]) || Double.isNaN(demand[t - lag])) {
                continue;
            }
            double reactiveUnits = Math.min(model.maxUnits(), Math.max(model.minUnits(), model.unitsFor(demand[t - lag])));
            steps++;
            units += capacity[t] / model.unitCapacity() * stepHours;
            reactive += reactiveUnits * stepHours;
            short1 += demand[t] > capacity[t] + 1e-9 ? 1 : 0;
            short2 += demand[t] > reactiveUnits * model.unitCapacity() + 1e-9 ? 1 : 0;
        }
        if (steps == 0) {
            return NONE;
        }
        return new CostComparison(steps * stepHours, units, reactive, units * unitPrice, reactive * unitPrice, (double) short1 / steps,
                (double) short2 / steps);
    }

    /** Cost of a plan: its capacity per step (demand units) held for the step, at the unit price. */
    public static double planCost(double[] capacity, long stepSeconds, CapacityModel model, double unitPrice) {
        double unitHours = 0;
        for (double c : capacity) {
            unitHours += Double.isNaN(c) ? 0 : c / model.unitCapacity() * stepSeconds / 3600.0;
        }
        return unitHours * unitPrice;
    }

    /** The share of the reactive rule's cost the loop saved (negative when it cost more), NaN without either. */
    public double saving() {
        return reactiveUnitHours > 0 ? 1 - unitHours / reactiveUnitHours : Double.NaN;
    }
}
