package io.prescient.feedback.equilibrium;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixedPointSolverTest {

    private static final int N = 30;

    /** x -> b + A tanh(x / scale) * scale with a random A of max row sum {@code gain}: a contraction when gain < 1. */
    private static UnaryOperator<double[]> randomMap(SplittableRandom r, double gain) {
        double[][] a = new double[N][N];
        double[] b = new double[N];
        for (int i = 0; i < N; i++) {
            double sum = 0;
            for (int j = 0; j < N; j++) {
                a[i][j] = r.nextDouble() - 0.5;
                sum += Math.abs(a[i][j]);
            }
            for (int j = 0; j < N; j++) {
                a[i][j] *= gain / sum;
            }
            b[i] = 1000 + 500 * r.nextDouble();
        }
        return x -> {
            double[] y = new double[N];
            for (int i = 0; i < N; i++) {
                double s = b[i];
                for (int j = 0; j < N; j++) {
                    s += a[i][j] * 1000 * Math.tanh(x[j] / 1000);
                }
                y[i] = s;
            }
            return y;
        };
    }

    private static double[] start() {
        double[] x = new double[N];
        java.util.Arrays.fill(x, 1000);
        return x;
    }

    @Test
    void convergesOnAThousandRandomStableProblemsWithinFiftyIterations() {
        SplittableRandom r = new SplittableRandom(1);
        int damped = 0;
        int anderson = 0;
        for (int k = 0; k < 1000; k++) {
            UnaryOperator<double[]> map = randomMap(r, 0.3 + 0.65 * r.nextDouble());
            FixedPoint a = new FixedPointSolver(SolverSettings.damped()).solve(map, start());
            FixedPoint b = new FixedPointSolver(SolverSettings.anderson()).solve(map, start());
            damped += a.converged() ? 1 : 0;
            anderson += b.converged() ? 1 : 0;
            if (b.converged()) {
                double[] x = b.solution();
                assertArrayEquals(x, map.apply(x), 1e-6 * 2000);
            }
        }
        assertTrue(damped >= 990, "damped converged on " + damped);
        assertTrue(anderson >= 990, "anderson converged on " + anderson);
    }

    @Test
    void andersonNeedsFewerIterationsOnSlowProblems() {
        SplittableRandom r = new SplittableRandom(2);
        UnaryOperator<double[]> map = randomMap(r, 0.9);
        SolverSettings slow = new SolverSettings(0.5, 1e-8, 500, 0);
        FixedPoint plain = new FixedPointSolver(slow).solve(map, start());
        FixedPoint fast = new FixedPointSolver(new SolverSettings(0.5, 1e-8, 500, 5)).solve(map, start());
        assertTrue(plain.converged() && fast.converged());
        assertTrue(fast.iterations() < plain.iterations(), fast.iterations() + " vs " + plain.iterations());
    }

    @Test
    void aDivergentLoopIsFlaggedEveryTimeAndNeverReturnedAsAnAnswer() {
        SplittableRandom r = new SplittableRandom(3);
        for (int k = 0; k < 100; k++) {
            double growth = 1.2 + r.nextDouble();
            double push = 10 + 100 * r.nextDouble();
            UnaryOperator<double[]> runaway = x -> {
                double[] y = new double[N];
                for (int i = 0; i < N; i++) {
                    y[i] = growth * x[i] + push;
                }
                return y;
            };
            for (SolverSettings s : new SolverSettings[] {SolverSettings.damped(), new SolverSettings(1, 1e-6, 50, 0)}) {
                FixedPoint f = new FixedPointSolver(s).solve(runaway, start());
                assertFalse(f.converged(), "growth " + growth);
                assertEquals(FixedPoint.Verdict.DIVERGENT, f.verdict());
                IllegalStateException e = assertThrows(IllegalStateException.class, f::solution);
                assertTrue(e.getMessage().startsWith("no equilibrium: the iteration divergent"), e.getMessage());
            }
        }
    }

    @Test
    void anUndampedOvershootingLoopIsReportedAsOscillating() {
        UnaryOperator<double[]> overshoot = x -> {
            double[] y = new double[N];
            for (int i = 0; i < N; i++) {
                y[i] = 1000 - 1.0 * (x[i] - 1000) + (i == 0 ? 0 : 0);
            }
            return y;
        };
        double[] from = start();
        from[0] = 1500;
        FixedPoint f = new FixedPointSolver(new SolverSettings(1, 1e-6, 50, 0)).solve(overshoot, from);
        assertEquals(FixedPoint.Verdict.OSCILLATING, f.verdict());
        FixedPoint damped = new FixedPointSolver(SolverSettings.damped()).solve(overshoot, from);
        assertTrue(damped.converged(), damped.verdict().toString());
    }
}
