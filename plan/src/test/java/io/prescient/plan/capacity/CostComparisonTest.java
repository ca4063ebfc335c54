package io.prescient.plan.capacity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostComparisonTest {

    /** Units of 10 at full utilisation, 1 to 100 of them, the lead (and so the reactive rule's lag) 2 steps of 30 minutes. */
    static final CapacityModel MODEL = new CapacityModel(10, 1, 1, 100, 100, 0, 2, true);

    @Test
    void theLoopsCapacityAndAReactiveRuleAreCostedOnTheSameDemand() {
        double[] demand = new double[10];
        Arrays.fill(demand, 100);
        demand[6] = 200;
        demand[7] = 200;
        double[] capacity = new double[10];
        Arrays.fill(capacity, 150);
        capacity[6] = 250;
        capacity[7] = 250;
        capacity[9] = Double.NaN;
        CostComparison c = CostComparison.of(demand, capacity, 1800, MODEL, 0.5);
        // steps 2..8 count (the rule needs the demand two steps back; step 9 has no capacity): 7 steps of half an hour
        assertEquals(3.5, c.hours(), 1e-9);
        assertEquals((5 * 15 + 2 * 25) * 0.5, c.unitHours(), 1e-9);
        // the rule holds 10 units, and 20 from step 8 (two steps after the rise): 6 x 10 + 1 x 20 unit-steps
        assertEquals((6 * 10 + 20) * 0.5, c.reactiveUnitHours(), 1e-9);
        assertEquals(c.unitHours() * 0.5, c.cost(), 1e-9);
        assertEquals(c.reactiveUnitHours() * 0.5, c.reactiveCost(), 1e-9);
        assertEquals(0, c.shortShare(), 1e-9, "the loop had the rise covered");
        assertEquals(2 / 7.0, c.reactiveShortShare(), 1e-9, "the rule was short at both steps of the rise");
        assertTrue(c.saving() < 0, "the loop held more than the rule: " + c.saving());
        assertTrue(Double.isNaN(CostComparison.of(demand, capacity, 1800, MODEL, Double.NaN).cost()), "no price, no money");
        assertEquals(2 * 0.5 * 0.5, CostComparison.planCost(new double[] {10, 10}, 1800, MODEL, 0.5), 1e-9);
    }
}
