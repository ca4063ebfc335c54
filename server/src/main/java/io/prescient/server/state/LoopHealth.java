package io.prescient.server.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Whether the served loop is healthy, for {@code /api/health} and {@code /metrics}: the store's
 * and the actuator's latest faults (from the last round, cleared by a round without one), the loop's latest failure
 * (a round that threw; cleared by the next round that completes), and a watchdog: no round completed
 * for {@code stallMillis} while the loop should be running.
 */
public final class LoopHealth {

    private final long stallMillis;
    private final LongSupplier clock;
    private volatile long lastProgress;
    private volatile Optional<String> storeFault = Optional.empty();
    private volatile Optional<String> actuatorFault = Optional.empty();
    private volatile Optional<String> loopFailure = Optional.empty();
    private volatile boolean finished;

    /** @param stallMillis how long without a completed round counts as a stalled loop */
    public LoopHealth(long stallMillis, LongSupplier clock) {
        this.stallMillis = stallMillis;
        this.clock = clock;
        this.lastProgress = clock.getAsLong();
    }

    void roundDone(List<String> storeFaults, List<String> actuatorFaults) {
        lastProgress = clock.getAsLong();
        loopFailure = Optional.empty();
        storeFault = first(storeFaults);
        actuatorFault = first(actuatorFaults);
    }

    private static Optional<String> first(List<String> faults) {
        return faults.isEmpty() ? Optional.empty() : Optional.of(faults.get(0)
                + (faults.size() > 1 ? " (and " + (faults.size() - 1) + " more workloads)" : ""));
    }

    void roundFailed(Throwable e) {
        loopFailure = Optional.of(e.toString());
    }

    void finished() {
        finished = true;
    }

    public boolean storeHealthy() {
        return storeFault.isEmpty();
    }

    /** The last round's decisions all reached the actuator. */
    public boolean actuatorHealthy() {
        return actuatorFault.isEmpty();
    }

    /** The loop completes its rounds: none failed since the last, and one completed within the stall time (or it finished). */
    public boolean loopHealthy() {
        return loopFailure.isEmpty() && (finished || clock.getAsLong() - lastProgress <= stallMillis);
    }

    /** What is wrong now, one line each; empty when healthy. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        storeFault.ifPresent(f -> out.add("store: " + f));
        actuatorFault.ifPresent(f -> out.add("actuator: " + f));
        loopFailure.ifPresent(f -> out.add("loop: the last round failed: " + f + "; retrying"));
        long quiet = clock.getAsLong() - lastProgress;
        if (!finished && quiet > stallMillis) {
            out.add(String.format(Locale.ROOT, "loop: no round completed for %.0f s (the watchdog's limit is %.0f s)", quiet / 1e3,
                    stallMillis / 1e3));
        }
        return out;
    }
}
