package io.prescient.feedback.behaviour;

/**
 * A fitted parameter with its standard error and 95% confidence interval.
 */
public record Estimate(String name, double value, double standardError) {

    public double lower() {
        return value - 1.959964 * standardError;
    }

    public double upper() {
        return value + 1.959964 * standardError;
    }

    public boolean covers(double truth) {
        return truth >= lower() && truth <= upper();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %.4f (95%% CI %.4f .. %.4f)", name, value, lower(), upper());
    }
}
