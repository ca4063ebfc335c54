package io.prescient.server.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client: {@code perSecond} requests a second on average, bursts of up to
 * {@code burst}. A client's bucket refills as time passes; a request that finds it empty is refused.
 */
final class RateLimiter {

    private record Bucket(double tokens, long at) {
    }

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, double burst, LongSupplier nanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("need a positive rate and a burst of at least 1, got " + perSecond + " and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** Past this many clients, the buckets that have refilled (clients gone quiet) are dropped: they would start full anyway. */
    static final int MAX_CLIENTS = 10_000;

    /** Takes a token from the client's bucket; false when there is none. */
    boolean allow(String client) {
        long now = nanos.getAsLong();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(b -> b.tokens() + (now - b.at()) * perSecond / 1e9 >= burst);
        }
        boolean[] allowed = new boolean[1];
        buckets.compute(client, (k, b) -> {
            double tokens = b == null ? burst : Math.min(burst, b.tokens() + (now - b.at()) * perSecond / 1e9);
            allowed[0] = tokens >= 1;
            return new Bucket(allowed[0] ? tokens - 1 : tokens, now);
        });
        return allowed[0];
    }
}
