package io.prescient.feedback.equilibrium;

/**
 * How a fixed point is sought.
 *
 * @param damping       share of the map's step taken each iteration, in (0, 1]: x' = (1 - d) x + d F(x)
 * @param tolerance     converged when |F(x) - x| is at most this, relative to |x| (max norms)
 * @param maxIterations iteration cap
 * @param andersonDepth previous steps Anderson acceleration combines (0 = plain damped iteration)
 */
public record SolverSettings(double damping, double tolerance, int maxIterations, int andersonDepth) {

    /** @throws IllegalArgumentException for values outside their ranges */
    public SolverSettings {
        if (!(damping > 0 && damping <= 1)) {
            throw new IllegalArgumentException("damping must be in (0, 1], got " + damping);
        }
        if (!(tolerance > 0) || maxIterations < 1 || andersonDepth < 0) {
            throw new IllegalArgumentException("need tolerance > 0, max_iterations >= 1 and anderson_depth >= 0");
        }
    }

    /** Damping 0.5, tolerance 1e-6, 50 iterations, no acceleration. */
    public static SolverSettings damped() {
        return new SolverSettings(0.5, 1e-6, 50, 0);
    }

    /** As {@link #damped()} with Anderson acceleration over 5 steps. */
    public static SolverSettings anderson() {
        return new SolverSettings(0.5, 1e-6, 50, 5);
    }
}
