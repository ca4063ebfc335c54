package io.prescient.plan.replay;

/**
 * How a replay runs.
 *
 * @param lead   steps between a decision and the capacity it sets (a decision after observing
 *               {@code d[t]} sets {@code c[t + lead]})
 * @param warmup steps of history only, before scoring starts
 */
public record ReplaySettings(int lead, int warmup) {

    /** The protocol's defaults: lead 2 steps (10 minutes on a 5-minute grid), one week of warm-up. */
    public static final ReplaySettings PROTOCOL = new ReplaySettings(2, 2016);

    /** @throws IllegalArgumentException unless lead >= 1 and warmup > lead */
    public ReplaySettings {
        if (lead < 1 || warmup <= lead) {
            throw new IllegalArgumentException("lead must be at least 1 and the warm-up longer than the lead, got lead "
                    + lead + ", warm-up " + warmup);
        }
    }
}
