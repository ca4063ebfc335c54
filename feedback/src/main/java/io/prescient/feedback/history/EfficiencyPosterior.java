package io.prescient.feedback.history;

import io.prescient.feedback.behaviour.EfficiencyModel;
import io.prescient.feedback.behaviour.Estimate;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Efficiency work estimated from demand alone. Given its parameters (ceiling, rate, learning time)
 * and the pressure the organisation felt (from its observed utilisation), the efficiency path is
 * deterministic ({@link EfficiencyModel#next}), and so is the base demand it implies:
 * {@code base = demand / (1 - efficiency) - live launches}. The likelihood of the parameters is that
 * of the implied base demand under the base model (log-linear trend, weekend effect, AR(1)
 * residual), with the Jacobian of the transformation; the posterior over a grid of the three
 * parameters (flat prior) is exact up to the grid. The grid is small enough to evaluate in full,
 * which is why this is Bayesian inference on a grid rather than MCMC or EM: no tuning, no convergence
 * to check, and the posterior's shape (a ceiling that the data cannot tell from zero when pressure
 * was rare) is kept rather than forced into a normal approximation.
 */
public final class EfficiencyPosterior {

    static final double[] CEILINGS = grid(0, 0.6, 0.02);
    static final double[] RATES = {0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5};
    static final double[] LEARNING = {15, 30, 45, 60, 90, 120, 180, 240, 365};

    /** One grid point and its posterior probability. */
    public record Point(double ceiling, double rate, double learningDays, double probability) {

        public EfficiencyModel model() {
            return new EfficiencyModel(new Estimate("rate", rate, 0), new Estimate("ceiling", ceiling, 0), learningDays);
        }
    }

    private final List<Point> points;
    private final Point mode;

    private EfficiencyPosterior(List<Point> points, Point mode) {
        this.points = points;
        this.mode = mode;
    }

    /**
     * @param demand   observed demand a day
     * @param live     demand from live launches a day
     * @param pressure pressure felt each day
     * @param weekdays day of week of each day
     */
    public static EfficiencyPosterior fit(double[] demand, double[] live, double[] pressure, DayOfWeek[] weekdays) {
        int n = demand.length;
        double[][] hat = projection(n, weekdays);
        List<double[]> logLik = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (double ceiling : CEILINGS) {
            for (double rate : ceiling == 0 ? new double[] {RATES[0]} : RATES) {
                for (double learning : ceiling == 0 ? new double[] {LEARNING[0]} : LEARNING) {
                    double ll = logLikelihood(demand, live, pressure, hat, ceiling, rate, learning);
                    double weight = ceiling == 0 ? RATES.length * LEARNING.length : 1;
                    logLik.add(new double[] {ceiling, rate, learning, ll + Math.log(weight)});
                    best = Math.max(best, ll);
                }
            }
        }
        double total = 0;
        for (double[] p : logLik) {
            total += Double.isFinite(p[3]) ? Math.exp(p[3] - best) : 0;
        }
        List<Point> points = new ArrayList<>();
        Point mode = null;
        double modeLl = Double.NEGATIVE_INFINITY;
        for (double[] p : logLik) {
            double probability = Double.isFinite(p[3]) && total > 0 ? Math.exp(p[3] - best) / total : 0;
            Point point = new Point(p[0], p[1], p[2], probability);
            points.add(point);
            if (p[3] > modeLl) {
                modeLl = p[3];
                mode = point;
            }
        }
        if (mode == null) {
            mode = new Point(0, RATES[0], LEARNING[0], 1);
            points = List.of(mode);
        }
        return new EfficiencyPosterior(points, mode);
    }

    /** The most probable parameters. */
    public Point mode() {
        return mode;
    }

    /** {@code count} draws from the posterior. */
    public List<Point> draws(int count, SplittableRandom random) {
        List<Point> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble();
            Point chosen = mode;
            for (Point p : points) {
                u -= p.probability();
                if (u <= 0) {
                    chosen = p;
                    break;
                }
            }
            out.add(chosen);
        }
        return out;
    }

    /** The posterior mean and a 95% interval of the ceiling. */
    public Estimate ceiling() {
        double mean = 0;
        double square = 0;
        for (Point p : points) {
            mean += p.probability() * p.ceiling();
            square += p.probability() * p.ceiling() * p.ceiling();
        }
        return new Estimate("efficiency ceiling", mean, Math.sqrt(Math.max(0, square - mean * mean)));
    }

    /** The efficiency path the parameters imply. */
    public static double[] path(double[] pressure, double ceiling, double rate, double learningDays) {
        EfficiencyModel m = new EfficiencyModel(new Estimate("rate", rate, 0), new Estimate("ceiling", ceiling, 0), learningDays);
        double[] e = new double[pressure.length];
        double previous = 0;
        for (int t = 0; t < pressure.length; t++) {
            previous = Math.min(0.95, Math.max(0, m.next(previous, t, pressure[t])));
            e[t] = previous;
        }
        return e;
    }

    private static double logLikelihood(double[] demand, double[] live, double[] pressure, double[][] hat, double ceiling, double rate,
                                        double learning) {
        int n = demand.length;
        double[] e = path(pressure, ceiling, rate, learning);
        double[] y = new double[n];
        double jacobian = 0;
        for (int t = 0; t < n; t++) {
            double before = demand[t] / (1 - e[t]);
            double base = before - live[t];
            if (!(base > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            y[t] = Math.log(base);
            jacobian += Math.log(before / base);
        }
        double[] beta = new double[hat.length];
        for (int k = 0; k < hat.length; k++) {
            for (int t = 0; t < n; t++) {
                beta[k] += hat[k][t] * y[t];
            }
        }
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            r[t] = y[t] - beta[0] - beta[1] * t - beta[2] * (weekendAt(hat, t));
        }
        double sse = io.prescient.feedback.forecast.BaseDemandModel.ar1(r)[1];
        return -(n - 1) / 2.0 * Math.log(Math.max(1e-300, sse / (n - 1))) + jacobian;
    }

    private static double weekendAt(double[][] hat, int t) {
        return hat[3][t];
    }

    /** Rows 0-2: (X'X)^-1 X' for X = [1, t, weekend]; row 3: the weekend column itself. */
    private static double[][] projection(int n, DayOfWeek[] weekdays) {
        double[][] x = new double[n][3];
        for (int t = 0; t < n; t++) {
            x[t][0] = 1;
            x[t][1] = t;
            x[t][2] = weekdays[t] == DayOfWeek.SATURDAY || weekdays[t] == DayOfWeek.SUNDAY ? 1 : 0;
        }
        org.hipparchus.linear.RealMatrix m = org.hipparchus.linear.MatrixUtils.createRealMatrix(x);
        org.hipparchus.linear.RealMatrix pinv = new org.hipparchus.linear.QRDecomposition(m).getSolver().getInverse();
        double[][] out = new double[4][];
        for (int k = 0; k < 3; k++) {
            out[k] = pinv.getRow(k);
        }
        out[3] = new double[n];
        for (int t = 0; t < n; t++) {
            out[3][t] = x[t][2];
        }
        return out;
    }

    private static double[] grid(double from, double to, double step) {
        int count = (int) Math.round((to - from) / step) + 1;
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = from + i * step;
        }
        return out;
    }
}
