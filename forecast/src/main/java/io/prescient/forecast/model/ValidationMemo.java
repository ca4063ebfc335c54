package io.prescient.forecast.model;

import io.prescient.forecast.History;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A choice's validation losses by the head they were computed from, so that the rounds of a loop
 * between two validation windows' ends choose without fitting the candidates again. Shared by the
 * threads that fit series with the same choice; it forgets everything when it holds
 * {@link #CAPACITY} heads (about 8 MB), so a fleet larger than that validates every round as before.
 */
final class ValidationMemo {

    /** Heads remembered at most. */
    static final int CAPACITY = 1 << 16;

    private final Map<History.Fingerprint, double[]> losses = new ConcurrentHashMap<>();

    /** The losses remembered for {@code head}, or those {@code validate} computes, then remembered. */
    double[] losses(History.Fingerprint head, Supplier<double[]> validate) {
        double[] known = losses.get(head);
        if (known != null) {
            return known.clone();
        }
        double[] computed = validate.get();
        if (losses.size() >= CAPACITY) {
            losses.clear();
        }
        losses.put(head, computed.clone());
        return computed;
    }
}
