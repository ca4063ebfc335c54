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

    /**
     * A loop where each day responds only to earlier days has a lower-triangular Jacobian, whose eigenvalues are its
     * diagonal: Hipparchus' non-symmetric decomposition fails to converge on such matrices with a repeated diagonal
     * (feedback backtest exited 1 on about a third of histories); the verdict must come from the diagonal.
     */
    @Test
    void aLowerTriangularJacobianGetsItsVerdictWithoutAnException() {
        int n = 30;
        org.hipparchus.linear.RealMatrix stable = new org.hipparchus.linear.Array2DRowRealMatrix(n, n);
        org.hipparchus.linear.RealMatrix runaway = new org.hipparchus.linear.Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double below = j == i ? 0 : 0.3 / (i - j);
                stable.setEntry(i, j, j == i ? 0.5 : below);
                runaway.setEntry(i, j, j == i ? 1.2 : below);
            }
        }
        LoopStability s = LoopStability.of(stable);
        assertEquals(LoopStability.Verdict.STABLE, s.verdict());
        assertEquals(0.5, s.spectralRadius(), 1e-9);
        LoopStability r = LoopStability.of(runaway);
        assertEquals(LoopStability.Verdict.DIVERGENT, r.verdict());
        assertEquals(1.2, r.spectralRadius(), 1e-9);
    }

    /** The fallback when the decomposition does not converge: the spectral radius from the growth of the matrix's powers. */
    @Test
    void theFallbackRadiusIsTheGrowthOfThePowers() {
        assertEquals(0.8, LoopStability.signedRadius(new org.hipparchus.linear.Array2DRowRealMatrix(new double[][] {{0.6, 0.2}, {0.2, 0.6}})),
                1e-4);
        assertEquals(-1.5, LoopStability.signedRadius(new org.hipparchus.linear.Array2DRowRealMatrix(new double[][] {{-1.5, 0.1}, {0, 0.3}})),
                1e-4, "a dominant negative eigenvalue keeps its sign (an oscillating loop)");
        assertEquals(0.9, Math.abs(LoopStability.signedRadius(new org.hipparchus.linear.Array2DRowRealMatrix(new double[][] {{0, -0.9}, {0.9, 0}}))),
                1e-4);
    }
}
