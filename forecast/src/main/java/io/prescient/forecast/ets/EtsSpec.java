package io.prescient.forecast.ets;

import java.io.Serializable;

/**
 * One ETS form, written ETS(error,trend,season) as in the literature: e.g. ETS(A,Ad,N).
 *
 * @param multiplicativeError multiplicative (M) or additive (A) error
 * @param trend               none, additive, or additive damped
 * @param season              none, additive or multiplicative
 */
public record EtsSpec(boolean multiplicativeError, Trend trend, Season season) implements Serializable {

    public enum Trend { NONE, ADDITIVE, DAMPED }

    public enum Season { NONE, ADDITIVE, MULTIPLICATIVE }

    public boolean hasTrend() {
        return trend != Trend.NONE;
    }

    public boolean seasonal() {
        return season != Season.NONE;
    }

    /** Whether the form needs strictly positive data (multiplicative error or season). */
    public boolean needsPositiveData() {
        return multiplicativeError || season == Season.MULTIPLICATIVE;
    }

    @Override
    public String toString() {
        String t = switch (trend) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case DAMPED -> "Ad";
        };
        String s = switch (season) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case MULTIPLICATIVE -> "M";
        };
        return "ETS(" + (multiplicativeError ? "M" : "A") + "," + t + "," + s + ")";
    }
}
