package io.prescient.feedback.policy;

import io.prescient.feedback.world.WorldParameters;
import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyOptimiserTest {

    @Test
    void theTunedPolicyCostsLessThanTheReactiveSeventyFivePercentPolicyWithAnIntervalAboveZero() {
        PolicyEvaluator evaluator = new PolicyEvaluator(seed -> WorldParameters.defaults(0.5, seed), CostModel.defaults());
        long[] training = LongStream.rangeClosed(1, 10).toArray();
        long[] test = LongStream.rangeClosed(101, 130).toArray();
        PolicyOptimiser.Result r = new PolicyOptimiser(evaluator, 7).optimise(CapacityPolicy.reactive75(), training, test, 300);
        System.out.printf("tuned %s: cost %.0f vs %.0f, saving %.0f (%.1f%%), 95%% CI %.0f .. %.0f, %d evaluations%n", r.policy(),
                r.optimisedCost(), r.baselineCost(), r.saving(), 100 * r.savingShare(), r.savingLower(), r.savingUpper(), r.evaluations());
        assertTrue(r.savingLower() > 0, "saving interval " + r.savingLower() + " .. " + r.savingUpper());
        assertTrue(r.policy().targetUtilisation() >= 0.5 && r.policy().targetUtilisation() <= 0.95);
    }
}
