package io.prescient.server.state;

import io.prescient.plan.loop.Decision;
import io.prescient.plan.loop.LoopRound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The planning loop as the server runs it, on its own thread: each round of the fleet (from a
 * {@link RoundSource}: the live clock or a replay) is folded into every workload's record and
 * published to the {@link FleetState} at once, so readers see whole rounds. Runs until the source
 * has no more rounds or it is closed. A round that throws (in its source or while it is folded in,
 * an {@code Error} included) does not stop it: the failure is reported (a round that failed while
 * folded in was already run by its source, so the next one follows)
 * (to {@code onFailure} and the state's {@link LoopHealth}) and the round is tried again after a
 * backoff of one second, doubling to at most a minute; the store's faults on a round go to the health too.
 */
public final class ServedLoop implements AutoCloseable {

    /** The most recent steps a workload's snapshot shows: two days, at least 48 steps, at most 1,000. */
    static int shownSteps(long stepSeconds) {
        int perDay = (int) Math.max(1, 86_400 / stepSeconds);
        return Math.min(1_000, Math.max(2 * perDay, 48));
    }

    private final RoundSource rounds;
    private final FleetState state;
    private final Consumer<Throwable> onFailure;
    private final Thread thread;
    private final ConcurrentMap<String, LoopRound> latest = new ConcurrentHashMap<>();

    /** The pause after a failed round, doubled after each further failure up to {@link #MAX_BACKOFF_MILLIS}. */
    static final long FIRST_BACKOFF_MILLIS = 1000;
    static final long MAX_BACKOFF_MILLIS = 60_000;

    /** @param onFailure told when a round throws; the loop tries again after a backoff */
    public ServedLoop(RoundSource rounds, FleetState state, Consumer<Throwable> onFailure) {
        this.rounds = rounds;
        this.state = state;
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, "prescient-loop");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        Map<String, WorkloadTrack> tracks = new HashMap<>();
        long backoff = FIRST_BACKOFF_MILLIS;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Optional<List<RoundSource.Served>> next = rounds.next();
                    if (next.isEmpty()) {
                        break;
                    }
                    fold(next.get(), tracks);
                    backoff = FIRST_BACKOFF_MILLIS;
                } catch (RuntimeException | Error e) {
                    // whatever a round throws (an OutOfMemoryError too) ends that round, never the loop: reported, then retried
                    onFailure.accept(e);
                    state.health().roundFailed(e);
                    Thread.sleep(backoff);
                    backoff = Math.min(MAX_BACKOFF_MILLIS, 2 * backoff);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            state.finish();
        }
    }

    /** Folds one round of the fleet into every workload's record and publishes them together. */
    private void fold(List<RoundSource.Served> round, Map<String, WorkloadTrack> tracks) {
        List<WorkloadSnapshot> snapshots = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<String> storeFaults = new ArrayList<>();
        List<String> actuatorFaults = new ArrayList<>();
        for (RoundSource.Served s : round) {
            LoopRound r = s.round();
            WorkloadTrack track = tracks.computeIfAbsent(r.workload(), n -> new WorkloadTrack(n, s.unit(), s.capacity(), s.pricing(),
                    shownSteps(r.seen().grid().stepSeconds())));
            latest.put(r.workload(), r);
            decisions.add(r.outcome().decision());
            snapshots.add(track.after(r));
            r.fault().ifPresent(f -> (f.source() == LoopRound.Fault.Source.STORE ? storeFaults : actuatorFaults)
                    .add(r.workload() + ": " + f.message()));
        }
        state.publish(snapshots, decisions);
        state.health().roundDone(storeFaults, actuatorFaults);
    }

    /** The workload's latest round: the history it saw and the planning step it ran, with its model (empty before its first). */
    public Optional<LoopRound> latest(String workload) {
        return Optional.ofNullable(latest.get(workload));
    }

    /** Blocks until the loop has run out of rounds (tests). */
    public void awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
