package io.prescient.forecast.eval;

import io.prescient.forecast.Quantiles;

/**
 * Pooled accumulators for the protocol's metrics. Add points with {@link #add}; combine partial
 * scores with {@link #plus}; read the metrics at the end. Not thread-safe: give each thread its own
 * and combine them in a fixed order for reproducible sums.
 */
public final class Scores {

    private static final double[] LEVELS = Quantiles.DECILES;

    private double scaledErrorSum;
    private long scaledCount;
    private final double[] quantileLoss = new double[LEVELS.length];
    private double absTargetSum;
    private double absErrorSum;
    private long points;
    private long covered;

    /**
     * Adds one forecast point.
     *
     * @param y         the actual value (NaN: skipped)
     * @param deciles   the forecast's 0.1..0.9 quantiles at this point
     * @param seasonalError the series' seasonal error s before the window; 0 or NaN leaves the point out of MASE
     */
    public void add(double y, double[] deciles, double seasonalError) {
        if (Double.isNaN(y)) {
            return;
        }
        double median = deciles[4];
        if (seasonalError > 0) {
            scaledErrorSum += Math.abs(y - median) / seasonalError;
            scaledCount++;
        }
        for (int k = 0; k < LEVELS.length; k++) {
            double f = deciles[k];
            quantileLoss[k] += 2 * Math.abs((y - f) * ((f >= y ? 1 : 0) - LEVELS[k]));
        }
        absTargetSum += Math.abs(y);
        absErrorSum += Math.abs(y - median);
        points++;
        if (y >= deciles[0] && y <= deciles[8]) {
            covered++;
        }
    }

    /** Adds another accumulator's sums into this one. */
    public Scores plus(Scores other) {
        scaledErrorSum += other.scaledErrorSum;
        scaledCount += other.scaledCount;
        for (int k = 0; k < quantileLoss.length; k++) {
            quantileLoss[k] += other.quantileLoss[k];
        }
        absTargetSum += other.absTargetSum;
        absErrorSum += other.absErrorSum;
        points += other.points;
        covered += other.covered;
        return this;
    }

    public double mase() {
        return scaledCount == 0 ? Double.NaN : scaledErrorSum / scaledCount;
    }

    /** GIFT-Eval's mean weighted sum quantile loss over the nine deciles. */
    public double crps() {
        double sum = 0;
        for (double loss : quantileLoss) {
            sum += loss / absTargetSum;
        }
        return sum / quantileLoss.length;
    }

    public double mae() {
        return points == 0 ? Double.NaN : absErrorSum / points;
    }

    /** Share of points inside [q0.1, q0.9]; 0.8 is ideal. */
    public double coverage80() {
        return points == 0 ? Double.NaN : (double) covered / points;
    }

    /** Sum over points and deciles of the quantile loss: this series' share of the CRPS numerator. */
    public double quantileLossSum() {
        double sum = 0;
        for (double loss : quantileLoss) {
            sum += loss;
        }
        return sum;
    }

    public double absTargetSum() {
        return absTargetSum;
    }

    public long points() {
        return points;
    }

    /**
     * The seasonal error of a history: mean |h[t] - h[t-m]| over pairs with both values present;
     * NaN when there is no such pair.
     */
    public static double seasonalError(double[] history, int length, int season) {
        double sum = 0;
        long n = 0;
        for (int t = season; t < length; t++) {
            double a = history[t];
            double b = history[t - season];
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                sum += Math.abs(a - b);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
