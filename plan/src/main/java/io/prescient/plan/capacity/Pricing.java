package io.prescient.plan.capacity;

/**
 * What one unit of a workload's capacity costs.
 *
 * @param unitPrice price of one unit for one hour (NaN: none configured; costs are then unit-hours only)
 * @param currency  what the price is in
 */
public record Pricing(double unitPrice, String currency) implements java.io.Serializable {

    public static Pricing none(String currency) {
        return new Pricing(Double.NaN, currency);
    }

    public boolean priced() {
        return !Double.isNaN(unitPrice);
    }
}
