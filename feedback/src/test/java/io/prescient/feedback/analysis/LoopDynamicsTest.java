package io.prescient.feedback.analysis;

import io.prescient.feedback.behaviour.EfficiencyModel;
import io.prescient.feedback.behaviour.Estimate;
import io.prescient.feedback.forecast.OperatingFacts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopDynamicsTest {

    /** Utilisation about 0.75 from day 10: a swing of {@code amplitude x ratio^k} every {@code period} days. */
    private static double[] swings(double amplitude, double ratio, int period) {
        double[] u = new double[190];
        for (int t = 0; t < u.length; t++) {
            double k = Math.max(0, t - 10) / (double) period;
            u[t] = t < 10 ? 0.75 : 0.75 + amplitude * Math.pow(ratio, k) * Math.sin(Math.PI * k);
        }
        return u;
    }

    @Test
    void theVerdictFollowsTheSwings() {
        double[] c = new double[190];
        LoopDynamics growing = LoopDynamics.analyse(swings(0.02, 1.3, 10), c, 0.75, 1);
        assertEquals(LoopStability.Verdict.DIVERGENT, growing.verdict(), growing.describe());
        LoopDynamics sustained = LoopDynamics.analyse(swings(0.05, 0.95, 10), c, 0.75, 1);
        assertEquals(LoopStability.Verdict.OSCILLATING, sustained.verdict(), sustained.describe());
        assertTrue(sustained.decayRatio() > 0.9 && sustained.swings() >= 17, sustained.describe());
        LoopDynamics damped = LoopDynamics.analyse(swings(0.1, 0.3, 10), c, 0.75, 1);
        assertEquals(LoopStability.Verdict.STABLE, damped.verdict(), damped.describe());
        assertTrue(damped.settlingDays() > 0 && damped.settlingDays() < 60, damped.describe());
    }

    /** The default organisation's loop after a demand jump settles: orders in flight count against the gap. */
    @Test
    void theDefaultPolicySettlesAfterADemandJump() {
        OperatingFacts facts = new OperatingFacts(0.8, 0.95, 0.75, 3, 0.3, 14, 21, 7, 0.15);
        EfficiencyModel efficiency = new EfficiencyModel(new Estimate("rate", 0.15, 0), new Estimate("ceiling", 0.2, 0), 60);
        LoopDynamics d = LoopDynamics.of(facts, efficiency, 0.2, 180);
        assertEquals(LoopStability.Verdict.STABLE, d.verdict(), d.describe());
        assertTrue(d.utilisation()[12] > 0.85, "the jump first raises utilisation");
        assertEquals(0.75, d.utilisation()[179], 0.02);
        assertEquals(4.2, d.loopGain(), 1e-9);
    }
}
