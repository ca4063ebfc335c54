package io.prescient.feedback.equilibrium;

import java.util.function.UnaryOperator;

/**
 * The demand that is consistent with the behaviour it provokes. The planner provisions
 * min(demand / target, max capacity) each day and publishes the plan; the utilisation it implies
 * sets each day's expected pressure (averaged over the forecast's utilisation uncertainty, which
 * smooths the thresholds); pressure delays part of that day's launch demand and moves efficiency
 * work, which persists from day to day; that gives a new demand path. The equilibrium is the fixed point of this map, found by {@link FixedPointSolver}; when the
 * solver does not converge the result says so and has no demand to offer.
 *
 * @param fixedPoint  the solver's outcome (its solution is the equilibrium demand, if converged)
 * @param utilisation utilisation per day at the last iterate
 * @param delayed     launch demand delayed per day at the last iterate
 * @param efficiency  efficiency gain per day at the last iterate
 */
public record Equilibrium(FixedPoint fixedPoint, double[] utilisation, double[] delayed, double[] efficiency) {

    /** The capacity-behaviour map of a scenario: a demand path to the demand path it provokes. */
    public static UnaryOperator<double[]> map(PlanningScenario s) {
        return demand -> respond(s, demand, null, null, null);
    }

    public static Equilibrium solve(PlanningScenario s, SolverSettings settings) {
        UnaryOperator<double[]> map = map(s);
        FixedPoint f = new FixedPointSolver(settings).solve(map, s.unconstrained());
        int n = s.unconstrained().length;
        double[] u = new double[n];
        double[] delayed = new double[n];
        double[] efficiency = new double[n];
        respond(s, f.last(), u, delayed, efficiency);
        return new Equilibrium(f, u, delayed, efficiency);
    }

    /** The demand path the behaviour produces when the planner provisions for {@code demand}. */
    static double[] respond(PlanningScenario s, double[] demand, double[] u, double[] delayed, double[] efficiency) {
        int n = demand.length;
        double[] out = new double[n];
        double gain = 0;
        for (int t = 0; t < n; t++) {
            double capacity = Math.min(Math.max(demand[t], 1e-9) / s.target(), s.maxCapacity()[t]);
            double utilisation = demand[t] / capacity;
            double pressure = expectedPressure(s, utilisation);
            double delayShare = Math.min(1, s.delayAtWarning() * Math.min(1, 2 * pressure)
                    + (s.delayAtFull() - s.delayAtWarning()) * Math.max(0, 2 * pressure - 1));
            gain += s.efficiencyRate() * (s.efficiencyFull() * pressure - gain);
            double launches = s.unconstrained()[t] * s.launchShare()[t];
            out[t] = (s.unconstrained()[t] - delayShare * launches) * (1 - gain);
            if (u != null) {
                u[t] = utilisation;
                delayed[t] = delayShare * launches;
                efficiency[t] = gain;
            }
        }
        return out;
    }

    /**
     * Pressure averaged over utilisation u x exp(noise z), z standard normal, in closed form (the
     * threshold terms are the log-normal's exceedance probability and call-option-like partial means):
     * smooth in u, so the map has a fixed point wherever the response is not too steep.
     */
    static double expectedPressure(PlanningScenario s, double u) {
        double sigma = Math.max(1e-9, s.noise());
        double w = s.warning();
        double e = s.emergency();
        double aboveWarning = phi(Math.log(u / w) / sigma);
        double ramp = (partialMean(u, w, sigma) - partialMean(u, e, sigma)) / (e - w);
        return 0.5 * aboveWarning + 0.5 * ramp;
    }

    /** E[(V - k)+] for V = u exp(sigma Z). */
    private static double partialMean(double u, double k, double sigma) {
        double d2 = Math.log(u / k) / sigma;
        return u * Math.exp(sigma * sigma / 2) * phi(d2 + sigma) - k * phi(d2);
    }

    private static double phi(double z) {
        return 0.5 * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2));
    }

    public boolean converged() {
        return fixedPoint.converged();
    }

    /** The equilibrium demand. @throws IllegalStateException if there is none (the solver did not converge) */
    public double[] demand() {
        return fixedPoint.solution();
    }
}
