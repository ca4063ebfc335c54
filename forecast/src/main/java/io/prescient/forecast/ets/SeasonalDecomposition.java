package io.prescient.forecast.ets;

import java.io.Serializable;

/**
 * Additive seasonal indices for one or more periods (e.g. a day and a week of 5-minute steps),
 * estimated by backfitting phase means: each period's index is the mean, per phase, of the data
 * minus the other periods' indices, centred to sum to zero; two rounds. Phases count from index 0 of
 * the data the indices were estimated on, so step t of that array has phase t mod period.
 */
public record SeasonalDecomposition(int[] periods, double[][] indices) implements Serializable {

    private static final int ROUNDS = 2;
    /** A phase mean over fewer periods than this is mostly noise, so such a season is not removed. */
    private static final int MIN_PERIODS = 3;

    /** Estimates indices for the periods that fit at least twice into {@code y}. */
    public static SeasonalDecomposition of(double[] y, int... periods) {
        int[] usable = java.util.Arrays.stream(periods).filter(p -> p >= 2 && y.length >= MIN_PERIODS * p).toArray();
        double[][] idx = new double[usable.length][];
        for (int k = 0; k < usable.length; k++) {
            idx[k] = new double[usable[k]];
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < usable.length; k++) {
                int p = usable[k];
                double[] sum = new double[p];
                int[] count = new int[p];
                for (int t = 0; t < y.length; t++) {
                    double v = y[t];
                    for (int o = 0; o < usable.length; o++) {
                        if (o != k) {
                            v -= idx[o][t % usable[o]];
                        }
                    }
                    sum[t % p] += v;
                    count[t % p]++;
                }
                double centre = 0;
                for (int i = 0; i < p; i++) {
                    idx[k][i] = sum[i] / count[i];
                    centre += idx[k][i];
                }
                centre /= p;
                for (int i = 0; i < p; i++) {
                    idx[k][i] -= centre;
                }
            }
        }
        return new SeasonalDecomposition(usable, idx);
    }

    /** The summed seasonal component at step {@code t} (of the data's own indexing, future steps included). */
    public double at(int t) {
        double s = 0;
        for (int k = 0; k < periods.length; k++) {
            s += indices[k][t % periods[k]];
        }
        return s;
    }

    /** The data with the seasonal component removed. */
    public double[] adjust(double[] y) {
        double[] out = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            out[t] = y[t] - at(t);
        }
        return out;
    }
}
