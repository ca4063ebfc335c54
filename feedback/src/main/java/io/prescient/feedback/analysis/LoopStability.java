package io.prescient.feedback.analysis;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.RealMatrix;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Stability of the forecast-capacity-behaviour map F (demand path to the demand path it provokes)
 * around a point: its Jacobian by central differences, the spectral radius, and the dominant
 * eigenvalue. A spectral radius below 1 means iterating the loop settles (stable); at or above 1 it
 * does not: a dominant eigenvalue with a negative real part or a large imaginary part makes the
 * loop swing back and forth (oscillating), a positive real one makes it run away (divergent).
 *
 * @param spectralRadius the largest eigenvalue modulus of the Jacobian
 * @param dominant       the eigenvalue of largest modulus (real and imaginary parts)
 * @param strength       mean absolute response of demand to a unit change of demand (mean |row sum| of the Jacobian)
 * @param verdict        stable, oscillating or divergent
 */
public record LoopStability(double spectralRadius, double[] dominant, double strength, Verdict verdict) {

    /** A plain verdict. */
    public enum Verdict { STABLE, OSCILLATING, DIVERGENT }

    public LoopStability {
        dominant = dominant.clone();
    }

    /** Linearises {@code map} at {@code point} with relative step {@code h} (e.g. 1e-4). */
    public static LoopStability at(UnaryOperator<double[]> map, double[] point, double h) {
        int n = point.length;
        RealMatrix jacobian = new Array2DRowRealMatrix(n, n);
        for (int j = 0; j < n; j++) {
            double step = h * Math.max(1, Math.abs(point[j]));
            double[] up = point.clone();
            double[] down = point.clone();
            up[j] += step;
            down[j] -= step;
            double[] fu = map.apply(up);
            double[] fd = map.apply(down);
            for (int i = 0; i < n; i++) {
                jacobian.setEntry(i, j, (fu[i] - fd[i]) / (2 * step));
            }
        }
        return of(jacobian);
    }

    /** From a Jacobian. */
    public static LoopStability of(RealMatrix jacobian) {
        Complex[] eigenvalues = eigenvalues(jacobian);
        Complex dominant = eigenvalues[0];
        for (Complex e : eigenvalues) {
            if (modulus(e) > modulus(dominant)) {
                dominant = e;
            }
        }
        double radius = modulus(dominant);
        double strength = 0;
        for (int i = 0; i < jacobian.getRowDimension(); i++) {
            double sum = 0;
            for (int j = 0; j < jacobian.getColumnDimension(); j++) {
                sum += jacobian.getEntry(i, j);
            }
            strength += Math.abs(sum) / jacobian.getRowDimension();
        }
        Verdict verdict;
        if (radius < 1) {
            verdict = Verdict.STABLE;
        } else if (dominant.getReal() < 0 || Math.abs(dominant.getImaginary()) > 0.1 * radius) {
            verdict = Verdict.OSCILLATING;
        } else {
            verdict = Verdict.DIVERGENT;
        }
        return new LoopStability(radius, new double[] {dominant.getReal(), dominant.getImaginary()}, strength, verdict);
    }

    /**
     * The Jacobian's eigenvalues. A loop where each day responds only to earlier (or only to later) days has a triangular
     * Jacobian, whose eigenvalues are its diagonal exactly; the general decomposition fails to converge on such matrices
     * with a repeated diagonal, or returns eigenvalues far off (a defective matrix), so they are read off the diagonal.
     * Otherwise the non-symmetric decomposition, and if that fails to converge, the spectral radius from the growth of
     * the matrix's powers (Gelfand) with the sign of the dominant direction, as a real eigenvalue.
     */
    static Complex[] eigenvalues(RealMatrix a) {
        int n = a.getRowDimension();
        double scale = 0;
        double above = 0;
        double below = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = Math.abs(a.getEntry(i, j));
                scale = Math.max(scale, v);
                above = j > i ? Math.max(above, v) : above;
                below = j < i ? Math.max(below, v) : below;
            }
        }
        if (above <= 1e-12 * scale || below <= 1e-12 * scale) {
            Complex[] diagonal = new Complex[n];
            for (int i = 0; i < n; i++) {
                diagonal[i] = new Complex(a.getEntry(i, i), 0);
            }
            return diagonal;
        }
        try {
            return new EigenDecompositionNonSymmetric(a).getEigenvalues();
        } catch (org.hipparchus.exception.MathRuntimeException notConverged) {
            return new Complex[] {new Complex(signedRadius(a), 0)};
        }
    }

    /** The spectral radius by repeated squaring (||A^(2^k)||^(1/2^k)), signed by the power iteration's Rayleigh quotient. */
    static double signedRadius(RealMatrix a) {
        RealMatrix p = a.copy();
        double logScale = 0;
        double power = 1;
        for (int k = 0; k < 20; k++) {
            double norm = p.getFrobeniusNorm();
            if (norm == 0) {
                return 0;
            }
            p = p.scalarMultiply(1 / norm);
            logScale = 2 * (logScale + Math.log(norm));
            p = p.multiply(p);
            power *= 2;
        }
        double radius = Math.exp((logScale + Math.log(Math.max(p.getFrobeniusNorm(), Double.MIN_VALUE))) / power);
        org.hipparchus.linear.RealVector v = new org.hipparchus.linear.ArrayRealVector(a.getRowDimension(), 1.0);
        for (int k = 0; k < 200; k++) {
            org.hipparchus.linear.RealVector next = a.operate(v);
            double norm = next.getNorm();
            if (norm == 0) {
                return 0;
            }
            v = next.mapDivide(norm);
        }
        return a.operate(v).dotProduct(v) < 0 ? -radius : radius;
    }

    private static double modulus(Complex c) {
        return Math.hypot(c.getReal(), c.getImaginary());
    }

    /** One line for a person. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: spectral radius %.3f (dominant eigenvalue %.3f%+.3fi), loop strength %.3f",
                verdict.name().toLowerCase(Locale.ROOT), spectralRadius, dominant[0], dominant[1], strength);
    }
}
