package io.prescient.forecast;

/** Standard quantile level sets. */
public final class Quantiles {

    /** The protocol's nine levels, 0.1 to 0.9. */
    public static final double[] DECILES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** The deciles plus the planning levels 0.95 and 0.99. */
    public static final double[] PLANNING = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    private Quantiles() {
    }
}
