package io.prescient.feedback.equilibrium;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EquilibriumTest {

    private static PlanningScenario random(SplittableRandom r, double efficiency) {
        int n = 30;
        double[] demand = new double[n];
        double[] launches = new double[n];
        double[] max = new double[n];
        double level = 8000 + 4000 * r.nextDouble();
        double tight = 0.8 + 0.5 * r.nextDouble();
        for (int t = 0; t < n; t++) {
            demand[t] = level * (1 + 0.002 * t) * (1 + 0.05 * r.nextGaussian());
            launches[t] = 0.1 * r.nextDouble();
            max[t] = tight * level / 0.75;
        }
        return new PlanningScenario(demand, launches, max, 0.75, 0.3 * r.nextDouble() + 0.1, 0.6, efficiency, 0.2 + 0.3 * r.nextDouble(),
                0.8, 0.95, 0.03);
    }

    @Test
    void convergesOnAtLeastNinetyNinePercentOfAThousandStableScenariosWithinFiftyIterations() {
        SplittableRandom r = new SplittableRandom(11);
        int converged = 0;
        java.util.Map<String, Integer> verdicts = new java.util.TreeMap<>();
        for (int k = 0; k < 1000; k++) {
            PlanningScenario s = random(r, 0.05 + 0.25 * r.nextDouble());
            Equilibrium e = Equilibrium.solve(s, SolverSettings.anderson());
            verdicts.merge(e.fixedPoint().verdict() + "@" + (e.fixedPoint().iterations() / 10 * 10), 1, Integer::sum);
            if (e.converged()) {
                converged++;
                double[] d = e.demand();
                assertArrayEquals(d, Equilibrium.respond(s, d, null, null, null), 1e-6 * 20000);
                for (int t = 0; t < d.length; t++) {
                    assertTrue(d[t] <= s.unconstrained()[t] + 1e-6, "behaviour only lowers demand");
                }
            }
        }
        assertTrue(converged >= 990, "converged on " + converged + " of 1000; " + verdicts);
    }

    @Test
    void aLoopWhereEfficiencyOverreactsAtASharpThresholdIsFlaggedNeverAnswered() {
        SplittableRandom r = new SplittableRandom(12);
        for (int k = 0; k < 100; k++) {
            PlanningScenario s = random(r, 0.0);
            // capacity fixed so that the unconstrained demand is at 100% utilisation; teams cut 60% at once
            // as soon as the 80% warning is crossed, and nothing below it: no demand is consistent with its response
            double[] max = Arrays.stream(s.unconstrained()).map(d -> d / 1.0).toArray();
            PlanningScenario sharp = new PlanningScenario(s.unconstrained(), s.launchShare(), max, 0.75, 0, 0, 0.6, 1.0,
                    0.8, 0.95, 1e-4);
            for (SolverSettings settings : new SolverSettings[] {SolverSettings.anderson(), SolverSettings.damped()}) {
                Equilibrium e = Equilibrium.solve(sharp, settings);
                assertFalse(e.converged(), "scenario " + k + " " + e.fixedPoint().verdict());
                assertThrows(IllegalStateException.class, e::demand);
            }
        }
    }
}
