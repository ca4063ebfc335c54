package io.prescient.plan.capacity;

import io.prescient.core.TimeGrid;
import io.prescient.plan.montecarlo.MonteCarlo;
import io.prescient.plan.montecarlo.NormalForecasts;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.Distribution;
import io.prescient.plan.scenario.ExternalEvent;
import io.prescient.plan.scenario.Scenario;
import io.prescient.plan.scenario.ScenarioSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacityPlannerTest {

    private static final TimeGrid GRID = new TimeGrid(0, 300, 12);

    private static double[] demand(double... d) {
        return d;
    }

    @Test
    void unitsAreRoundedUpAtTheTargetUtilisationAndBounded() {
        CapacityPlanner planner = new CapacityPlanner(new CapacityModel(100, 0.5, 2, 6, 100, 0, 0, true));
        CapacityPlan plan = planner.plan(new TimeGrid(0, 300, 4), demand(10, 160, 260, 900), 0.95, 2);
        assertArrayEquals(new double[] {2, 4, 6, 6}, plan.units(), 0.0);
        assertTrue(plan.changes().get(1).reason().contains("capped at max_units"), plan.changes().get(1).reason());
    }

    @Test
    void aPlanTheMaximumHoldsBelowItsDemandSaysItIsCappedAndByHowMuch() {
        CapacityPlanner planner = new CapacityPlanner(new CapacityModel(100, 0.5, 2, 6, 100, 0, 0, true));
        CapacityPlan capped = planner.plan(new TimeGrid(0, 300, 4), demand(10, 160, 900, 250), 0.95, 2);
        assertTrue(capped.capped());
        assertEquals(1, capped.cappedSteps(), "only 900 needs more than 6 units of 100 at 50%");
        assertEquals(900 - 6 * 100 * 0.5, capped.shortfall(), 1e-9);
        CapacityPlan fits = planner.plan(new TimeGrid(0, 300, 4), demand(10, 160, 300, 200), 0.95, 2);
        assertFalse(fits.capped());
        assertEquals(0, fits.shortfall());
    }

    @Test
    void aLargeRiseStartsEarlyEnoughForTheLargestStepAndIsOrderedALeadTimeAhead() {
        CapacityPlanner planner = new CapacityPlanner(new CapacityModel(1, 1, 0, 100, 2, 0, 1, true));
        double[] d = {1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9};
        CapacityPlan plan = planner.plan(GRID, d, 0.95, 1);
        assertArrayEquals(new double[] {1, 1, 1, 3, 5, 7, 9, 9, 9, 9, 9, 9}, plan.units(), 0.0);
        CapacityPlan.Change first = plan.changes().get(0);
        assertEquals(3, first.step());
        assertEquals(2, first.orderStep());
        assertTrue(first.reason().contains("ramping early"), first.reason());
    }

    @Test
    void nothingChangesInsideTheLeadTime() {
        CapacityPlanner planner = new CapacityPlanner(new CapacityModel(1, 1, 0, 100, 100, 0, 3, true));
        CapacityPlan plan = planner.plan(new TimeGrid(0, 300, 5), demand(9, 9, 9, 9, 9), 0.95, 1);
        assertArrayEquals(new double[] {1, 1, 1, 9, 9}, plan.units(), 0.0);
    }

    @Test
    void aScaleDownWaitsForTheCooldown() {
        CapacityPlanner planner = new CapacityPlanner(new CapacityModel(1, 1, 0, 100, 100, 3, 0, true));
        CapacityPlan plan = planner.plan(new TimeGrid(0, 300, 8), demand(5, 2, 2, 2, 2, 2, 2, 2), 0.95, 1);
        assertArrayEquals(new double[] {5, 5, 5, 5, 2, 2, 2, 2}, plan.units(), 0.0);
        assertTrue(plan.changes().get(1).reason().startsWith("scale down 5 -> 2"), plan.changes().get(1).reason());
    }

    @Test
    void theCooldownCarriesOverFromAChangeBeforeThePlan() {
        CapacityPlanner planner = new CapacityPlanner(new CapacityModel(1, 1, 0, 100, 100, 3, 0, true));
        CapacityPlan justChanged = planner.plan(new TimeGrid(0, 300, 5), demand(2, 2, 2, 2, 2), 0.95, 5, 1);
        assertArrayEquals(new double[] {5, 5, 5, 2, 2}, justChanged.units(), 0.0);
        CapacityPlan longAgo = planner.plan(new TimeGrid(0, 300, 5), demand(2, 2, 2, 2, 2), 0.95, 5, 10);
        assertArrayEquals(new double[] {2, 2, 2, 2, 2}, longAgo.units(), 0.0);
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CapacityModel(1, 1.5, 0, 10, 1, 0, 0, true));
        assertTrue(e.getMessage().contains("target_utilisation"), e.getMessage());
    }

    @Test
    void whatIfReportsTheExtraCapacityAndTheRiskOfKeepingTheBaselinePlan() {
        TimeGrid grid = new TimeGrid(0, 3600, 24);
        MonteCarlo mc = new MonteCarlo(SimulationSettings.defaults());
        var forecast = NormalForecasts.constant(grid, 100, 5);
        ScenarioSet campaign = new ScenarioSet("campaign", List.of(new ExternalEvent("campaign", Scenario.DEMAND, 1,
                grid.timeAt(12), grid.timeAt(18), new Distribution.Fixed(1.5))));
        CapacityPlanner planner = new CapacityPlanner(new CapacityModel(10, 1, 0, 1000, 1000, 0, 0, true));
        WhatIf w = WhatIf.compare(planner, mc.run(forecast, ScenarioSet.baseline()), mc.run(forecast, campaign), 0.95, 11, 0.5);
        // P95 of N(100, 5) is 108.2: 11 units; under the campaign 162.3: 17 units, for 6 hours.
        // Keeping 110 of capacity: the 6 campaign hours are almost surely exceeded, the other 18
        // with P(N(100, 5) > 110) = 2.28%.
        assertEquals(36, w.extraUnitHours(), 1e-9);
        assertEquals(18, w.extraCost(), 1e-9);
        assertEquals(1.0, w.riskOfKeepingAnyStep(), 1e-9);
        assertEquals(0.25 + 0.75 * 0.0228, w.riskOfKeepingPerStep(), 0.004);
    }
}
