package io.prescient.feedback.equilibrium;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Seeks x with F(x) = x. Damped iteration x' = x + d (F(x) - x); with Anderson acceleration (type
 * II), the next iterate combines the last {@code andersonDepth} steps so that the residual
 * G(x) = F(x) - x is least-squares smallest, which turns slow linear convergence into fast
 * convergence and tames mild oscillation. The search stops when the residual |F(x) - x| is at most
 * the tolerance relative to |x| (max norms), or when the residual has grown five iterations running
 * to ten times its first size (divergent), or at the cap; a residual that stops shrinking while
 * alternating in sign is reported as oscillating.
 */
public final class FixedPointSolver {

    private final SolverSettings settings;

    public FixedPointSolver(SolverSettings settings) {
        this.settings = settings;
    }

    public FixedPoint solve(UnaryOperator<double[]> map, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        List<Double> residuals = new ArrayList<>();
        Deque<double[]> dx = new ArrayDeque<>();
        Deque<double[]> dg = new ArrayDeque<>();
        double[] previousX = null;
        double[] previousG = null;
        double firstSize = Double.NaN;
        double previousSize = Double.NaN;
        int growing = 0;
        int alternating = 0;
        for (int k = 1; k <= settings.maxIterations(); k++) {
            double[] fx = map.apply(x.clone());
            if (fx.length != n) {
                throw new IllegalArgumentException("the map returned " + fx.length + " values for " + n);
            }
            double[] g = minus(fx, x);
            if (!finite(g)) {
                return new FixedPoint(x, k, FixedPoint.Verdict.DIVERGENT, residuals);
            }
            double size = norm(g);
            residuals.add(size / Math.max(1e-12, norm(x)));
            if (size <= settings.tolerance() * Math.max(1e-12, norm(x))) {
                return new FixedPoint(x, k, FixedPoint.Verdict.CONVERGED, residuals);
            }
            if (k == 1) {
                firstSize = size;
            } else {
                growing = size > previousSize ? growing + 1 : 0;
                alternating = dot(g, previousG) < 0 && size > 0.5 * previousSize ? alternating + 1 : 0;
                if (growing >= 5 && size > 10 * firstSize) {
                    return new FixedPoint(x, k, FixedPoint.Verdict.DIVERGENT, residuals);
                }
            }
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = x[i] + settings.damping() * g[i];
            }
            if (settings.andersonDepth() > 0 && previousX != null) {
                dx.addLast(minus(x, previousX));
                dg.addLast(minus(g, previousG));
                if (dx.size() > settings.andersonDepth()) {
                    dx.removeFirst();
                    dg.removeFirst();
                }
                double[] accelerated = anderson(x, g, dx, dg);
                if (accelerated != null) {
                    next = accelerated;
                }
            }
            previousX = x;
            previousG = g;
            previousSize = size;
            x = next;
        }
        FixedPoint.Verdict verdict = alternating >= 5 ? FixedPoint.Verdict.OSCILLATING
                : growing >= 3 ? FixedPoint.Verdict.DIVERGENT : FixedPoint.Verdict.NOT_CONVERGED;
        return new FixedPoint(x, settings.maxIterations(), verdict, residuals);
    }

    /** x + d g - (dX + d dG) gamma, with gamma minimising |g - dG gamma|; null when the history is degenerate. */
    private double[] anderson(double[] x, double[] g, Deque<double[]> dx, Deque<double[]> dg) {
        int n = x.length;
        int m = dg.size();
        RealMatrix dG = new Array2DRowRealMatrix(n, m);
        RealMatrix dX = new Array2DRowRealMatrix(n, m);
        int j = 0;
        java.util.Iterator<double[]> ix = dx.iterator();
        for (double[] col : dg) {
            double[] colX = ix.next();
            for (int i = 0; i < n; i++) {
                dG.setEntry(i, j, col[i]);
                dX.setEntry(i, j, colX[i]);
            }
            j++;
        }
        try {
            RealVector gamma = new QRDecomposition(dG, 1e-12).getSolver().solve(new ArrayRealVector(g, false));
            RealVector correction = dX.add(dG.scalarMultiply(settings.damping())).operate(gamma);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = x[i] + settings.damping() * g[i] - correction.getEntry(i);
            }
            return finite(out) ? out : null;
        } catch (RuntimeException singular) {
            return null;
        }
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static double norm(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static boolean finite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
