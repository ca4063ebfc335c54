package io.prescient.forecast.model;

/**
 * Last-value imputation as GluonTS (and so GIFT-Eval) does it: each missing value takes the last
 * value before it; missing values before the first present one take the first present value; a
 * history with no value at all becomes zeros.
 */
public final class Imputation {

    private Imputation() {
    }

    public static double[] lastValue(double[] values) {
        double[] out = values.clone();
        int first = 0;
        while (first < out.length && Double.isNaN(out[first])) {
            first++;
        }
        if (first == out.length) {
            java.util.Arrays.fill(out, 0);
            return out;
        }
        for (int i = 0; i < first; i++) {
            out[i] = out[first];
        }
        for (int i = first + 1; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = out[i - 1];
            }
        }
        return out;
    }
}
