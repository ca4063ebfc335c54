package io.prescient.plan.capacity;

import io.prescient.plan.montecarlo.Simulation;

/**
 * Two scenario sets side by side: the extra capacity and cost the second needs, and the risk of
 * keeping the first one's plan if the second is what happens.
 *
 * @param baseline            the plan for the first set
 * @param alternative         the plan for the second set
 * @param extraUnitHours      unit-hours the alternative plan adds over the horizon
 * @param extraCost           extraUnitHours times the unit's hourly price
 * @param riskOfKeepingAnyStep probability, under the second set, that demand exceeds the baseline plan at some step
 * @param riskOfKeepingPerStep mean per-step probability of that
 */
public record WhatIf(CapacityPlan baseline, CapacityPlan alternative, double extraUnitHours, double extraCost,
                     double riskOfKeepingAnyStep, double riskOfKeepingPerStep) {

    public static WhatIf compare(CapacityPlanner planner, Simulation baseline, Simulation alternative, double percentile,
                                 double currentUnits, double pricePerUnitHour) {
        CapacityPlan a = planner.plan(baseline, percentile, currentUnits);
        CapacityPlan b = planner.plan(alternative, percentile, currentUnits);
        double hours = baseline.grid().stepSeconds() / 3600.0;
        double extra = (b.unitSteps() - a.unitSteps()) * hours;
        double[] perStep = alternative.exceedance(a.capacity());
        double mean = 0;
        for (double e : perStep) {
            mean += e / perStep.length;
        }
        return new WhatIf(a, b, extra, extra * pricePerUnitHour, alternative.anyExceedance(a.capacity()), mean);
    }
}
