package io.prescient.server.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Whether the served loop is healthy, for {@code /api/health} and {@code /metrics}: the store's
 * latest fault (from the last round, cleared by a round without one), the loop's latest failure
 * (a round that threw; cleared by the next round that completes), and a watchdog: no round completed
 * for {@code stallMillis} while the loop should be running.
 */
public final class LoopHealth {

    private final long stallMillis;
    private final LongSupplier clock;
    private volatile long lastProgress;
    private volatile Optional<String> storeFault = Optional.empty();
    private volatile Optional<String> loopFailure = Optional.empty();
    private volatile boolean finished;

    /** @param stallMillis how long without a completed round counts as a stalled loop */
    public LoopHealth(long stallMillis, LongSupplier clock) {
        this.stallMillis = stallMillis;
        this.clock = clock;
        this.lastProgress = clock.getAsLong();
    }

    void roundDone(List<String> storeFaults) {
        lastProgress = clock.getAsLong();
        loopFailure = Optional.empty();
        storeFault = storeFaults.isEmpty() ? Optional.empty() : Optional.of(storeFaults.get(0)
                + (storeFaults.size() > 1 ? " (and " + (storeFaults.size() - 1) + " more workloads)" : ""));
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

    /** The loop completes its rounds: none failed since the last, and one completed within the stall time (or it finished). */
    public boolean loopHealthy() {
        return loopFailure.isEmpty() && (finished || clock.getAsLong() - lastProgress <= stallMillis);
    }

    /** What is wrong now, one line each; empty when healthy. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        storeFault.ifPresent(f -> out.add("store: " + f));
        loopFailure.ifPresent(f -> out.add("loop: the last round failed: " + f + "; retrying"));
        long quiet = clock.getAsLong() - lastProgress;
        if (!finished && quiet > stallMillis) {
            out.add(String.format(Locale.ROOT, "loop: no round completed for %.0f s (the watchdog's limit is %.0f s)", quiet / 1e3,
                    stallMillis / 1e3));
        }
        return out;
    }
}
