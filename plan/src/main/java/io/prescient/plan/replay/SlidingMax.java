package io.prescient.plan.replay;

/** The maximum over a trailing window, for every step, in one pass (a monotone deque). */
final class SlidingMax {

    private SlidingMax() {
    }

    /** {@code out[t]} = max of {@code x[t - window + 1 .. t]} (fewer values at the start). */
    static double[] of(double[] x, int window) {
        double[] out = new double[x.length];
        int[] deque = new int[x.length];
        int head = 0;
        int tail = 0;
        for (int t = 0; t < x.length; t++) {
            while (tail > head && x[deque[tail - 1]] <= x[t]) {
                tail--;
            }
            deque[tail++] = t;
            if (deque[head] <= t - window) {
                head++;
            }
            out[t] = x[deque[head]];
        }
        return out;
    }
}
