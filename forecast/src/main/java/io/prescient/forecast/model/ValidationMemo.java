package io.prescient.forecast.model;

import io.prescient.forecast.History;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A choice's validation losses by the head they were computed from, so that the rounds of a loop
 * between two validation windows' ends choose without fitting the candidates again. Shared by the
 * threads that fit series with the same choice. It keeps two generations of up to {@link #GENERATION}
 * heads each (about 16 MB at most): when the newer is full it becomes the older and the older is
 * forgotten, and a head found in the older moves to the newer. A fleet of up to {@link #GENERATION}
 * series per choice therefore validates once per validation end (once an hour where the horizon spans
 * it) however long the loop runs, a head that stays the same (a series that stopped) is kept, and the
 * heads of past hours go. A larger fleet validates more often, up to every round.
 */
final class ValidationMemo {

    /** Heads remembered at most in each generation. */
    static final int GENERATION = 1 << 16;

    private volatile Map<History.Fingerprint, double[]> newer = new ConcurrentHashMap<>();
    private volatile Map<History.Fingerprint, double[]> older = Map.of();

    /** The losses remembered for {@code head}, or those {@code validate} computes, then remembered. */
    double[] losses(History.Fingerprint head, Supplier<double[]> validate) {
        double[] known = newer.get(head);
        if (known == null) {
            known = older.get(head);
            if (known != null) {
                remember(head, known);
            }
        }
        if (known != null) {
            return known.clone();
        }
        double[] computed = validate.get();
        remember(head, computed.clone());
        return computed;
    }

    /** Heads held, both generations. */
    int size() {
        return newer.size() + older.size();
    }

    private void remember(History.Fingerprint head, double[] losses) {
        if (newer.size() >= GENERATION) {
            synchronized (this) {
                if (newer.size() >= GENERATION) {
                    older = newer;
                    newer = new ConcurrentHashMap<>();
                }
            }
        }
        newer.put(head, losses);
    }
}
