package io.prescient.feedback.causal;

import io.prescient.feedback.behaviour.Estimate;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Linear instrumental-variable regression: y = b x + c' w + e, with x endogenous (correlated with e)
 * and instruments z that move x but not e. Stage one projects x on (z, w); stage two regresses y on
 * the projection and w. Standard errors are Newey-West (heteroskedasticity and autocorrelation
 * consistent, Bartlett weights over {@code lags} days) on the structural residuals y - b x - c' w:
 * daily demand errors are persistent, and ordinary standard errors would be far too narrow.
 * Also the ordinary least-squares estimate, with the same kind of standard errors, for comparison.
 */
public final class TwoStageLeastSquares {

    /** The coefficient of the endogenous regressor by 2SLS and by OLS, and the first stage's F statistic. */
    public record Fit(Estimate iv, Estimate ols, double firstStageF) {
    }

    private TwoStageLeastSquares() {
    }

    /**
     * @param y        outcome
     * @param x        endogenous regressor
     * @param z        instruments, [observation][instrument]
     * @param controls exogenous controls, [observation][control] (an intercept is added)
     */
    public static Fit fit(double[] y, double[] x, double[][] z, double[][] controls, String name) {
        int n = y.length;
        int kz = z[0].length;
        int kw = controls[0].length + 1;
        RealMatrix w = new Array2DRowRealMatrix(n, kw);
        RealMatrix zw = new Array2DRowRealMatrix(n, kz + kw);
        for (int i = 0; i < n; i++) {
            w.setEntry(i, 0, 1);
            zw.setEntry(i, 0, 1);
            for (int j = 1; j < kw; j++) {
                w.setEntry(i, j, controls[i][j - 1]);
                zw.setEntry(i, j, controls[i][j - 1]);
            }
            for (int j = 0; j < kz; j++) {
                zw.setEntry(i, kw + j, z[i][j]);
            }
        }
        RealVector xv = new ArrayRealVector(x);
        RealVector yv = new ArrayRealVector(y);
        RealVector firstStage = new QRDecomposition(zw).getSolver().solve(xv);
        RealVector xHat = zw.operate(firstStage);
        double f = firstStageF(xv, xHat, w, n, kz, kw);
        RealMatrix second = withColumn(xHat, w);
        RealVector beta = new QRDecomposition(second).getSolver().solve(yv);
        RealMatrix structural = withColumn(xv, w);
        RealVector residual = yv.subtract(structural.operate(beta));
        int lags = (int) Math.ceil(4 * Math.pow(n / 100.0, 2.0 / 9)) * 2;
        RealMatrix cov = neweyWest(second, residual, lags);
        RealVector olsBeta = new QRDecomposition(structural).getSolver().solve(yv);
        RealVector olsResidual = yv.subtract(structural.operate(olsBeta));
        RealMatrix olsCov = neweyWest(structural, olsResidual, lags);
        return new Fit(new Estimate(name + " (2SLS)", beta.getEntry(0), Math.sqrt(cov.getEntry(0, 0))),
                new Estimate(name + " (OLS)", olsBeta.getEntry(0), Math.sqrt(olsCov.getEntry(0, 0))), f);
    }

    /** (X'X)^-1 S (X'X)^-1 with S the Bartlett-weighted sum of u_t u_{t-l} x_t x_{t-l}' over lags 0..L. */
    static RealMatrix neweyWest(RealMatrix x, RealVector u, int lags) {
        int n = x.getRowDimension();
        int k = x.getColumnDimension();
        RealMatrix s = new Array2DRowRealMatrix(k, k);
        for (int lag = 0; lag <= lags; lag++) {
            double weight = 1 - lag / (lags + 1.0);
            for (int t = lag; t < n; t++) {
                double uu = u.getEntry(t) * u.getEntry(t - lag);
                for (int a = 0; a < k; a++) {
                    double xa = x.getEntry(t, a);
                    double xaLag = x.getEntry(t - lag, a);
                    for (int b = 0; b < k; b++) {
                        double v = xa * x.getEntry(t - lag, b) * uu;
                        if (lag > 0) {
                            v += xaLag * x.getEntry(t, b) * uu;
                        }
                        s.addToEntry(a, b, weight * v);
                    }
                }
            }
        }
        RealMatrix inverse = MatrixUtils.inverse(x.transpose().multiply(x));
        return inverse.multiply(s).multiply(inverse).scalarMultiply(n / (double) (n - k));
    }

    /** F statistic of the instruments in the first stage (strength: above 10 is the usual rule). */
    private static double firstStageF(RealVector x, RealVector xHat, RealMatrix w, int n, int kz, int kw) {
        RealVector restricted = w.operate(new QRDecomposition(w).getSolver().solve(x));
        double rssRestricted = x.subtract(restricted).dotProduct(x.subtract(restricted));
        double rssFull = x.subtract(xHat).dotProduct(x.subtract(xHat));
        return ((rssRestricted - rssFull) / kz) / (rssFull / (n - kz - kw));
    }

    private static RealMatrix withColumn(RealVector first, RealMatrix rest) {
        RealMatrix m = new Array2DRowRealMatrix(rest.getRowDimension(), rest.getColumnDimension() + 1);
        for (int i = 0; i < rest.getRowDimension(); i++) {
            m.setEntry(i, 0, first.getEntry(i));
            for (int j = 0; j < rest.getColumnDimension(); j++) {
                m.setEntry(i, j + 1, rest.getEntry(i, j));
            }
        }
        return m;
    }
}
