package io.prescient.forecast;

/** Standard quantile level sets. */
public final class Quantiles {

    /** The protocol's nine levels, 0.1 to 0.9. */
    public static final double[] DECILES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** The deciles plus the planning levels 0.95 and 0.99. */
    public static final double[] PLANNING = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    private Quantiles() {
    }

    /**
     * The value at level {@code q} from values at sorted {@code levels}: linear between neighbours,
     * flat beyond the outermost levels.
     */
    public static double interpolate(double[] levels, double[] values, double q) {
        int k = java.util.Arrays.binarySearch(levels, q);
        if (k >= 0) {
            return values[k];
        }
        int hi = -k - 1;
        if (hi == 0) {
            return values[0];
        }
        if (hi == levels.length) {
            return values[levels.length - 1];
        }
        double w = (q - levels[hi - 1]) / (levels[hi] - levels[hi - 1]);
        return values[hi - 1] + w * (values[hi] - values[hi - 1]);
    }
}
