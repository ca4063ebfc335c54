package io.prescient.forecast.model;

import java.util.Arrays;

/** Medians of small arrays. */
final class Medians {

    private Medians() {
    }

    /** The median of {@code y[from, to)}. */
    static double of(double[] y, int from, int to) {
        return ofAll(Arrays.copyOfRange(y, from, to));
    }

    /** The median of {@code values}, which it sorts in place. */
    static double ofAll(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
