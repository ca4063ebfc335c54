package io.prescient.experts.learn;

import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.ResourceDay;

/**
 * How a policy did on a set of accounts, over the days it decided: mean reward per VM-day, total
 * cost, saturated VM-hours and type changes.
 */
public record PolicyOutcome(String policy, double meanReward, double costUsd, long violationHours, long changes, int vmDays) {

    public static PolicyOutcome of(String policy, FleetSimulator.Fleet fleet) {
        double cost = 0;
        long violations = 0;
        long changes = 0;
        int n = 0;
        for (ResourceDay d : fleet.resourceDays()) {
            if (d.day() >= FleetSimulator.FIRST_DECISION_DAY) {
                cost += d.costUsd();
                violations += d.violationHours();
                changes += d.changed() ? 1 : 0;
                n++;
            }
        }
        return new PolicyOutcome(policy, Ppo.meanReward(fleet.steps()), cost, violations, changes, n);
    }
}
