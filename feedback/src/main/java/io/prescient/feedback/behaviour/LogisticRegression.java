package io.prescient.feedback.behaviour;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximum-likelihood logistic regression by Newton's method (iteratively reweighted least squares),
 * with standard errors from the inverse Fisher information.
 */
final class LogisticRegression {

    private LogisticRegression() {
    }

    /**
     * @param x     rows of covariates (an intercept column is added first)
     * @param y     outcomes
     * @param names names of the intercept and covariates, in order
     * @throws IllegalStateException if Newton's method does not converge in 50 steps (e.g. separable data)
     */
    static List<Estimate> fit(double[][] x, boolean[] y, List<String> names) {
        double[] share = new double[y.length];
        double[] weight = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            share[i] = y[i] ? 1 : 0;
            weight[i] = 1;
        }
        return fit(x, share, weight, names);
    }

    /**
     * Quasi-likelihood fit on outcomes known only as shares: row i stands for {@code weight[i]} trials of
     * which a share {@code y[i]} succeeded (a day's launches of which a share was delayed, without
     * knowing which).
     */
    static List<Estimate> fit(double[][] x, double[] y, double[] weight, List<String> names) {
        try {
            return newton(x, y, weight, names);
        } catch (org.hipparchus.exception.MathRuntimeException e) {
            throw new IllegalStateException("logistic regression cannot be estimated (a covariate without variation?): "
                    + e.getMessage(), e);
        }
    }

    private static List<Estimate> newton(double[][] x, double[] y, double[] weights, List<String> names) {
        int n = x.length;
        int k = x[0].length + 1;
        double[] beta = new double[k];
        RealMatrix information = null;
        for (int iteration = 0; iteration < 50; iteration++) {
            RealMatrix h = new Array2DRowRealMatrix(k, k);
            RealVector gradient = new ArrayRealVector(k);
            for (int i = 0; i < n; i++) {
                double[] row = row(x[i]);
                double eta = 0;
                for (int j = 0; j < k; j++) {
                    eta += beta[j] * row[j];
                }
                double p = 1 / (1 + Math.exp(-eta));
                double w = weights[i] * p * (1 - p);
                for (int a = 0; a < k; a++) {
                    gradient.addToEntry(a, weights[i] * (y[i] - p) * row[a]);
                    for (int b = 0; b < k; b++) {
                        h.addToEntry(a, b, w * row[a] * row[b]);
                    }
                }
            }
            RealVector step = new CholeskyDecomposition(h, 1e-9, 1e-12).getSolver().solve(gradient);
            for (int j = 0; j < k; j++) {
                beta[j] += step.getEntry(j);
            }
            information = h;
            if (step.getLInfNorm() < 1e-9) {
                RealMatrix covariance = new CholeskyDecomposition(information, 1e-9, 1e-12).getSolver().getInverse();
                List<Estimate> out = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    out.add(new Estimate(names.get(j), beta[j], Math.sqrt(covariance.getEntry(j, j))));
                }
                return out;
            }
        }
        throw new IllegalStateException("logistic regression did not converge in 50 Newton steps (separable data?)");
    }

    private static double[] row(double[] x) {
        double[] r = new double[x.length + 1];
        r[0] = 1;
        System.arraycopy(x, 0, r, 1, x.length);
        return r;
    }
}
