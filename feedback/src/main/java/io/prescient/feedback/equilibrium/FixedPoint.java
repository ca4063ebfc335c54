package io.prescient.feedback.equilibrium;

import java.util.List;

/**
 * The outcome of a fixed-point search. {@link #solution()} refuses to return a point that did not
 * converge: a non-converged iterate is never an answer.
 *
 * @param last       the last iterate (whatever the outcome)
 * @param iterations iterations done
 * @param verdict    converged, oscillating (the step stopped shrinking and alternates in sign), or
 *                   divergent (the step grew) / not converged within the cap
 * @param residuals  |F(x) - x| of each iterate, relative to |x| (max norms)
 */
public record FixedPoint(double[] last, int iterations, Verdict verdict, List<Double> residuals) {

    /** How the search ended. */
    public enum Verdict { CONVERGED, OSCILLATING, DIVERGENT, NOT_CONVERGED }

    public FixedPoint {
        last = last.clone();
        residuals = List.copyOf(residuals);
    }

    public boolean converged() {
        return verdict == Verdict.CONVERGED;
    }

    /** @throws IllegalStateException unless the search converged, saying how it ended */
    public double[] solution() {
        if (!converged()) {
            throw new IllegalStateException("no equilibrium: the iteration " + verdict.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " after " + iterations + " iterations (last relative residual "
                    + (residuals.isEmpty() ? "n/a" : String.format(java.util.Locale.ROOT, "%.3g", residuals.get(residuals.size() - 1)))
                    + ")");
        }
        return last.clone();
    }
}
