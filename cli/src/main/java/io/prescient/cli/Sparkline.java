package io.prescient.cli;

/** A one-line picture of a series: each character is the mean of a run of steps, a space where all are missing. */
final class Sparkline {

    private static final char[] LEVELS = "▁▂▃▄▅▆▇█".toCharArray();

    private Sparkline() {
    }

    static String of(double[] values, int width) {
        int n = values.length;
        if (n == 0 || width < 1) {
            return "";
        }
        int cells = Math.min(width, n);
        double[] means = new double[cells];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cells; c++) {
            int from = (int) ((long) c * n / cells);
            int to = (int) ((long) (c + 1) * n / cells);
            means[c] = io.prescient.core.Aggregation.MEAN.combine(values, from, to);
            if (!Double.isNaN(means[c])) {
                lo = Math.min(lo, means[c]);
                hi = Math.max(hi, means[c]);
            }
        }
        StringBuilder sb = new StringBuilder(cells);
        for (double m : means) {
            if (Double.isNaN(m)) {
                sb.append(' ');
            } else {
                int level = hi > lo ? (int) Math.round((m - lo) / (hi - lo) * (LEVELS.length - 1)) : 0;
                sb.append(LEVELS[level]);
            }
        }
        return sb.toString();
    }
}
