package io.prescient.plan.replay;

import java.util.Arrays;

/**
 * The last {@code capacity} values added, kept sorted, so that any empirical quantile of them is
 * one array read. Adding costs a binary search and an array shift.
 */
final class SortedWindow {

    private final double[] sorted;
    private final double[] ring;
    private int size;
    private int next;

    SortedWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window capacity must be at least 1, got " + capacity);
        }
        this.sorted = new double[capacity];
        this.ring = new double[capacity];
    }

    void add(double x) {
        if (size == ring.length) {
            int at = Arrays.binarySearch(sorted, 0, size, ring[next]);
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
        }
        ring[next] = x;
        next = (next + 1) % ring.length;
        int at = Arrays.binarySearch(sorted, 0, size, x);
        int insert = at >= 0 ? at : -at - 1;
        System.arraycopy(sorted, insert, sorted, insert + 1, size - insert);
        sorted[insert] = x;
        size++;
    }

    int size() {
        return size;
    }

    /** The smallest value with at least a share {@code p} of the values at or below it; NaN when empty. */
    double quantile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(p * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, k))];
    }
}
