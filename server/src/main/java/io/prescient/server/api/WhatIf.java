package io.prescient.server.api;

import io.prescient.plan.scenario.ScenarioSet;

/**
 * Runs what-if questions against a workload as of the loop's latest round: the baseline (the
 * config's scenarios) against an alternative scenario set, both through the Monte Carlo engine
 * and the workload's capacity rules.
 */
public interface WhatIf {

    /**
     * @param times       epoch seconds of the forecast steps
     * @param levels      the percentiles of simulated demand given per step
     * @param baseline    {@code baseline[i][h]}: demand at {@code levels[i]} under the baseline
     * @param alternative the same under the alternative
     * @param baselineCapacity    capacity the baseline plan provisions per step
     * @param alternativeCapacity capacity the alternative plan provisions per step
     * @param extraUnitHours unit-hours the alternative adds
     * @param riskOfKeeping probability, under the alternative, that demand exceeds the baseline plan at some step
     * @param finalDemand  simulated demand at the horizon's peak step under the alternative, one per path (for a histogram)
     * @param extraCost    the extra unit-hours at the workload's unit price (NaN without one)
     * @param currency     what the cost is in
     */
    record Result(String workload, String baselineName, String alternativeName, double percentile, int paths, long[] times,
                  double[] levels, double[][] baseline, double[][] alternative, double[] baselineCapacity, double[] alternativeCapacity,
                  double extraUnitHours, double riskOfKeeping, double[] finalDemand, double extraCost, String currency) {
    }

    /** The baseline scenario set and the YAML it was read from (empty when the config names none). */
    record Baseline(String name, String yaml) {
    }

    Baseline baseline();

    /** @throws IllegalArgumentException for an unknown workload */
    /** @param percentile the percentile to plan for; NaN: the loop's own */
    Result run(String workload, ScenarioSet alternative, double percentile, int paths);
}
