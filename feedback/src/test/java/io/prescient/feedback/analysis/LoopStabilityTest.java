package io.prescient.feedback.analysis;

import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoopStabilityTest {

    /** x -> b + k (x - b) on every day, plus a small coupling between neighbouring days. */
    private static UnaryOperator<double[]> loop(double k) {
        return x -> {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = 100 + k * (x[i] - 100) + (i > 0 ? 0.01 * (x[i - 1] - 100) : 0);
            }
            return y;
        };
    }

    private static double[] point() {
        double[] x = new double[10];
        java.util.Arrays.fill(x, 120);
        return x;
    }

    @Test
    void aDampedResponseIsStable() {
        LoopStability s = LoopStability.at(loop(0.4), point(), 1e-4);
        assertEquals(LoopStability.Verdict.STABLE, s.verdict());
        assertEquals(0.4, s.spectralRadius(), 1e-6);
        assertEquals(0.41, s.strength(), 0.01);
    }

    @Test
    void anOvershootingResponseOscillatesAndARunawayOneDiverges() {
        LoopStability swing = LoopStability.at(loop(-1.3), point(), 1e-4);
        assertEquals(LoopStability.Verdict.OSCILLATING, swing.verdict());
        assertEquals(1.3, swing.spectralRadius(), 1e-6);
        LoopStability runaway = LoopStability.at(loop(1.2), point(), 1e-4);
        assertEquals(LoopStability.Verdict.DIVERGENT, runaway.verdict());
        assertEquals("divergent: spectral radius 1.200 (dominant eigenvalue 1.200+0.000i), loop strength 1.209",
                runaway.describe());
    }
}
