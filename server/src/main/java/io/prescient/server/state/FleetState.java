package io.prescient.server.state;

import io.prescient.plan.loop.Decision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The served loop's state: the latest snapshot of every workload (replaced whole after each round,
 * so readers never see half an update) and the latest decisions, most recent last.
 */
public final class FleetState {

    /** A decision as the API lists it. */
    public record Action(String workload, long time, double from, double units, boolean held, String reason) {
        static Action of(Decision d) {
            return new Action(d.workload(), d.time(), d.from(), d.units(), d.held(), d.reason());
        }
    }

    private final int keptActions;
    private volatile Map<String, WorkloadSnapshot> workloads = Map.of();
    private final Deque<Action> actions = new ArrayDeque<>();
    private volatile boolean finished;
    private volatile long roundsDone;
    private volatile long version;

    private final LoopHealth health;

    public FleetState(int keptActions) {
        this(keptActions, new LoopHealth(Long.MAX_VALUE / 2, System::currentTimeMillis));
    }

    public FleetState(int keptActions, LoopHealth health) {
        this.keptActions = keptActions;
        this.health = health;
    }

    /** The loop's and the store's health. */
    public LoopHealth health() {
        return health;
    }

    public List<WorkloadSnapshot> workloads() {
        return List.copyOf(workloads.values());
    }

    public Optional<WorkloadSnapshot> workload(String name) {
        return Optional.ofNullable(workloads.get(name));
    }

    /** Publishes a round of the fleet at once: its workloads' new snapshots and its decisions. */
    synchronized void publish(List<WorkloadSnapshot> snapshots, List<Decision> decisions) {
        Map<String, WorkloadSnapshot> next = new LinkedHashMap<>(workloads);
        snapshots.forEach(s -> next.put(s.name(), s));
        workloads = Collections.unmodifiableMap(next);
        for (Decision d : decisions) {
            actions.addLast(Action.of(d));
            while (actions.size() > keptActions) {
                actions.removeFirst();
            }
        }
        roundsDone += decisions.size();
        version++;
    }

    /** Changes whenever anything readers see changes (for caching what is derived from the state). */
    public long version() {
        return version;
    }

    /** The latest decisions (all workloads, or one), most recent first, at most {@code limit}. */
    public synchronized List<Action> actions(Optional<String> workload, int limit) {
        List<Action> out = new ArrayList<>();
        var it = actions.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            Action a = it.next();
            if (workload.isEmpty() || workload.get().equals(a.workload())) {
                out.add(a);
            }
        }
        return out;
    }

    public long roundsDone() {
        return roundsDone;
    }

    public boolean finished() {
        return finished;
    }

    void finish() {
        finished = true;
        health.finished();
        version++;
    }
}
