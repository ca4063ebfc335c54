package io.prescient.core;

/**
 * Where a series has no values.
 *
 * @param length          number of steps
 * @param missing         steps without a value
 * @param gaps            maximal runs of missing steps
 * @param longestGap      length of the longest run, in steps
 * @param leadingMissing  missing steps before the first value
 * @param trailingMissing missing steps after the last value
 */
public record GapStats(int length, int missing, int gaps, int longestGap, int leadingMissing, int trailingMissing) {

    /** Counts the gaps of {@code values}, where NaN marks a missing step. */
    public static GapStats of(double[] values) {
        int missing = 0;
        int gaps = 0;
        int longest = 0;
        int run = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                missing++;
                if (run == 0) {
                    gaps++;
                }
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        int leading = 0;
        while (leading < values.length && Double.isNaN(values[leading])) {
            leading++;
        }
        int trailing = leading == values.length ? 0 : run;
        return new GapStats(values.length, missing, gaps, longest, leading, trailing);
    }

    /** Share of missing steps, 0 for an empty series. */
    public double missingFraction() {
        return length == 0 ? 0 : (double) missing / length;
    }

    /** Steps that hold a value. */
    public int present() {
        return length - missing;
    }
}
