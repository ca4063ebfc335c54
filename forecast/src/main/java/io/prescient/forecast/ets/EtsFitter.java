package io.prescient.forecast.ets;

import io.prescient.forecast.ScaledResidualForecast;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

import java.util.Arrays;

/**
 * Fits one ETS form by maximum likelihood. The smoothing parameters are optimised (Nelder-Mead over
 * a logistic reparametrisation that keeps 0 < alpha < 1, 0 < beta < alpha, 0 < gamma < 1 - alpha and
 * 0.8 < phi < 0.98); the initial states come from the first seasons of data, as in Hyndman et al.
 * (2008), and are not optimised, which makes the fit fast on long histories at a small cost on short
 * ones. The criterion is the concentrated likelihood: n log(SSE), plus 2 sum log|yhat| for a
 * multiplicative error.
 */
public final class EtsFitter {

    private static final double LOW = 1e-4;
    private static final int MAX_EVALUATIONS = 600;

    private EtsFitter() {
    }

    /**
     * @param y      gap-free observations
     * @param period season length in steps (ignored for a non-seasonal form)
     * @return the fitted model, or null when the form cannot be fitted to these data
     */
    public static EtsModel fit(EtsSpec spec, double[] y, int period) {
        int m = spec.seasonal() ? period : 1;
        if (spec.seasonal() && (m < 2 || y.length < 2 * m + 2)) {
            return null;
        }
        if (spec.needsPositiveData() && Arrays.stream(y).anyMatch(v -> v <= 0)) {
            return null;
        }
        if (y.length < 4) {
            return null;
        }
        Init init = Init.of(spec, y, m);
        int dim = 1 + (spec.hasTrend() ? 1 : 0) + (spec.seasonal() ? 1 : 0) + (spec.trend() == EtsSpec.Trend.DAMPED ? 1 : 0);
        double[] best = new double[dim];
        double[] bestValue = {Double.POSITIVE_INFINITY};
        ObjectiveFunction objective = new ObjectiveFunction(u -> {
            Params p = Params.of(spec, u);
            Run r = Run.of(spec, y, m, p, init, null);
            double lik = r.bad ? Double.POSITIVE_INFINITY : r.likelihood(spec, y.length);
            if (lik < bestValue[0]) {
                bestValue[0] = lik;
                System.arraycopy(u, 0, best, 0, dim);
            }
            return Double.isFinite(lik) ? lik : 1e300;
        });
        double[] start = Params.start(spec);
        try {
            new SimplexOptimizer(1e-8, 1e-10).optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MINIMIZE,
                    new InitialGuess(start), new NelderMeadSimplex(dim, 1.0));
        } catch (MathIllegalStateException budgetSpent) {
            // keep the best point seen; the evaluation budget bounds the fitting time
        }
        if (!Double.isFinite(bestValue[0])) {
            return null;
        }
        Params p = Params.of(spec, best);
        double[] residuals = new double[y.length];
        Run r = Run.of(spec, y, m, p, init, residuals);
        int k = dim + 1 + (spec.hasTrend() ? 1 : 0) + (spec.seasonal() ? m - 1 : 0) + 1;
        int n = y.length;
        double aicc = r.likelihood(spec, n) + 2.0 * k + (n - k - 1 > 0 ? 2.0 * k * (k + 1) / (n - k - 1) : 1e9);
        double sigma2 = r.sse / Math.max(1, n - k);
        double[] season = new double[m];
        for (int h = 0; h < m; h++) {
            season[h] = spec.seasonal() ? r.season[(n + h) % m] : 0;
        }
        return new EtsModel(spec, p.alpha, p.beta, p.gamma, p.phi, r.level, r.slope, season, sigma2, aicc, n,
                ScaledResidualForecast.standardise(residuals, EtsModel.ERROR_LEVELS));
    }

    private record Params(double alpha, double beta, double gamma, double phi) {

        static double[] start(EtsSpec spec) {
            int dim = 1 + (spec.hasTrend() ? 1 : 0) + (spec.seasonal() ? 1 : 0) + (spec.trend() == EtsSpec.Trend.DAMPED ? 1 : 0);
            double[] u = new double[dim];
            u[0] = logit((0.3 - LOW) / (1 - 2 * LOW));
            int i = 1;
            if (spec.hasTrend()) {
                u[i++] = logit(0.1);
            }
            if (spec.seasonal()) {
                u[i++] = logit(0.1);
            }
            if (spec.trend() == EtsSpec.Trend.DAMPED) {
                u[i] = logit((0.95 - 0.8) / 0.18);
            }
            return u;
        }

        static Params of(EtsSpec spec, double[] u) {
            double alpha = LOW + (1 - 2 * LOW) * sigmoid(u[0]);
            int i = 1;
            double beta = spec.hasTrend() ? alpha * sigmoid(u[i++]) : 0;
            double gamma = spec.seasonal() ? (1 - alpha) * sigmoid(u[i++]) : 0;
            double phi = spec.trend() == EtsSpec.Trend.DAMPED ? 0.8 + 0.18 * sigmoid(u[i]) : 1;
            return new Params(alpha, beta, gamma, phi);
        }

        private static double sigmoid(double x) {
            return 1 / (1 + Math.exp(-x));
        }

        private static double logit(double p) {
            return Math.log(p / (1 - p));
        }
    }

    /** Initial level, trend and seasonal states from the first seasons. */
    private record Init(double level, double slope, double[] season) {

        static Init of(EtsSpec spec, double[] y, int m) {
            if (spec.seasonal()) {
                double first = mean(y, 0, m);
                double second = mean(y, m, 2 * m);
                double[] s = new double[m];
                int seasons = Math.min(3, y.length / m);
                for (int i = 0; i < m; i++) {
                    double acc = 0;
                    for (int j = 0; j < seasons; j++) {
                        double seasonMean = mean(y, j * m, (j + 1) * m);
                        acc += spec.season() == EtsSpec.Season.MULTIPLICATIVE ? y[j * m + i] / seasonMean
                                : y[j * m + i] - seasonMean;
                    }
                    s[i] = acc / seasons;
                }
                double centre = mean(s, 0, m);
                for (int i = 0; i < m; i++) {
                    s[i] = spec.season() == EtsSpec.Season.MULTIPLICATIVE ? s[i] / centre : s[i] - centre;
                }
                return new Init(first, spec.hasTrend() ? (second - first) / m : 0, s);
            }
            int k = Math.min(10, y.length);
            double tMean = (k - 1) / 2.0;
            double yMean = mean(y, 0, k);
            double num = 0;
            double den = 0;
            for (int t = 0; t < k; t++) {
                num += (t - tMean) * (y[t] - yMean);
                den += (t - tMean) * (t - tMean);
            }
            double slope = spec.hasTrend() && den > 0 ? num / den : 0;
            return new Init(yMean - slope * tMean, slope, new double[] {spec.needsPositiveData() ? 1 : 0});
        }

        private static double mean(double[] y, int from, int to) {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += y[i];
            }
            return s / (to - from);
        }
    }

    /** One pass of the state-space recursions. */
    private static final class Run {
        double sse;
        double sumLog;
        double level;
        double slope;
        double[] season;
        boolean bad;

        /** @param residuals receives the one-step errors when not null */
        static Run of(EtsSpec spec, double[] y, int m, Params p, Init init, double[] residuals) {
            Run r = new Run();
            double l = init.level();
            double b = init.slope();
            double[] s = init.season().clone();
            boolean multErr = spec.multiplicativeError();
            for (int t = 0; t < y.length; t++) {
                double base = l + (spec.hasTrend() ? p.phi * b : 0);
                int phase = t % s.length;
                double sv = s[phase];
                double yhat = switch (spec.season()) {
                    case NONE -> base;
                    case ADDITIVE -> base + sv;
                    case MULTIPLICATIVE -> base * sv;
                };
                if (multErr && yhat <= 0 || !Double.isFinite(yhat)) {
                    r.bad = true;
                    return r;
                }
                double e = multErr ? (y[t] - yhat) / yhat : y[t] - yhat;
                r.sse += e * e;
                if (residuals != null) {
                    residuals[t] = e;
                }
                if (multErr) {
                    r.sumLog += Math.log(Math.abs(yhat));
                }
                if (!multErr) {
                    switch (spec.season()) {
                        case NONE, ADDITIVE -> {
                            l = base + p.alpha * e;
                            b = p.phi * b + p.beta * e;
                            s[phase] = sv + p.gamma * e;
                        }
                        case MULTIPLICATIVE -> {
                            l = base + p.alpha * e / sv;
                            b = p.phi * b + p.beta * e / sv;
                            s[phase] = sv + p.gamma * e / base;
                        }
                    }
                } else {
                    switch (spec.season()) {
                        case NONE, MULTIPLICATIVE -> {
                            l = base * (1 + p.alpha * e);
                            b = p.phi * b + p.beta * base * e;
                            s[phase] = spec.seasonal() ? sv * (1 + p.gamma * e) : sv;
                        }
                        case ADDITIVE -> {
                            l = base + p.alpha * yhat * e;
                            b = p.phi * b + p.beta * yhat * e;
                            s[phase] = sv + p.gamma * yhat * e;
                        }
                    }
                }
                if (!Double.isFinite(l) || !Double.isFinite(b)) {
                    r.bad = true;
                    return r;
                }
            }
            r.level = l;
            r.slope = b;
            r.season = s;
            return r;
        }

        double likelihood(EtsSpec spec, int n) {
            return n * Math.log(Math.max(sse, 1e-300)) + (spec.multiplicativeError() ? 2 * sumLog : 0);
        }
    }
}
