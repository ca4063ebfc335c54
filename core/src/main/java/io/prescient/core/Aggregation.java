package io.prescient.core;

/**
 * How the values that fall into one bin are combined when a series is resampled to a coarser grid.
 * Every rule looks at the non-missing values only; a bin with none stays missing (NaN), so a gap is
 * never turned into a zero.
 */
public enum Aggregation {
    /** Sum of the values present. */
    SUM,
    /** Arithmetic mean of the values present. */
    MEAN,
    /** Largest value present. */
    MAX,
    /** Smallest value present. */
    MIN,
    /** The earliest value present in the bin. */
    FIRST,
    /** The latest value present in the bin. */
    LAST;

    /** Combines {@code values[from, to)}, skipping NaN; NaN when none is present. */
    public double combine(double[] values, int from, int to) {
        double acc = Double.NaN;
        int count = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (count == 0) {
                acc = v;
            } else {
                acc = switch (this) {
                    case SUM, MEAN -> acc + v;
                    case MAX -> Math.max(acc, v);
                    case MIN -> Math.min(acc, v);
                    case FIRST -> acc;
                    case LAST -> v;
                };
            }
            count++;
        }
        return this == MEAN && count > 0 ? acc / count : acc;
    }

    /** Parses a rule name such as {@code mean} (case-insensitive). */
    public static Aggregation parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown aggregation '" + name
                    + "', expected one of sum, mean, max, min, first, last", e);
        }
    }
}
