package io.prescient.server.state;

import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.Decision;
import io.prescient.plan.loop.SimulatedClockLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The planning loop as the server runs it: on a simulated clock over recorded demand, one round of
 * every workload per tick, published to the state at once (so the fleet moves forward together and
 * readers see whole rounds),
 * every decision through the actuator and into the journal, every round's result into the
 * {@link FleetState}. Runs on its own thread until the data ends or it is closed.
 */
public final class ServedLoop implements AutoCloseable {

    /** A workload to replay, with what the dashboard needs besides the loop's own workload. */
    public record Served(SimulatedClockLoop.Workload workload, String unit, double unitCapacity) {
    }

    private final SimulatedClockLoop loop;
    private final List<Served> served;
    private final int every;
    private final long tickMillis;
    private final Actuator actuator;
    private final SimulatedClockLoop.Recording recording;
    private final FleetState state;
    private final Consumer<Throwable> onFailure;
    private final Thread thread;
    private final java.util.concurrent.ConcurrentMap<String, ServedModel> models = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param tickMillis pause between rounds (0: as fast as the loop goes)
     * @param onFailure  told when a round throws; the loop then stops and the state says so
     */
    public ServedLoop(SimulatedClockLoop loop, List<Served> served, int every, long tickMillis, Actuator actuator,
                      SimulatedClockLoop.Recording recording, FleetState state, Consumer<Throwable> onFailure) {
        this.loop = loop;
        this.served = List.copyOf(served);
        this.every = every;
        this.tickMillis = tickMillis;
        this.actuator = actuator;
        this.recording = recording;
        this.state = state;
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, "prescient-loop");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        int shown = 0;
        List<SimulatedClockLoop.Cursor> cursors = new ArrayList<>();
        List<WorkloadTrack> tracks = new ArrayList<>();
        for (Served s : served) {
            int perDay = (int) Math.max(1, 86_400 / s.workload().grid().stepSeconds());
            shown = Math.max(2 * perDay, 48);
            WorkloadTrack track = new WorkloadTrack(s.workload(), s.unit(), s.unitCapacity(), shown);
            tracks.add(track);
            cursors.add(loop.start(s.workload(), every));
        }
        state.publish(tracks.stream().map(WorkloadTrack::initial).toList(), List.of());
        try {
            boolean any = true;
            while (any && !Thread.currentThread().isInterrupted()) {
                any = false;
                List<WorkloadSnapshot> snapshots = new ArrayList<>();
                List<Decision> decisions = new ArrayList<>();
                for (int i = 0; i < cursors.size(); i++) {
                    SimulatedClockLoop.Cursor c = cursors.get(i);
                    if (!c.hasNext()) {
                        continue;
                    }
                    any = true;
                    SimulatedClockLoop.Cursor.Round round = c.next(actuator, recording);
                    models.put(c.workload().name(), c.model());
                    decisions.add(round.outcome().decision());
                    snapshots.add(tracks.get(i).after(round, every, c.accuracy()));
                }
                state.publish(snapshots, decisions);
                if (any && tickMillis > 0) {
                    Thread.sleep(tickMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            onFailure.accept(e);
        } finally {
            state.finish();
        }
    }

    /** The model the workload planned its latest round with (empty before its first round). */
    public java.util.Optional<ServedModel> model(String workload) {
        return java.util.Optional.ofNullable(models.get(workload));
    }

    /** Blocks until the loop has run out of data (tests). */
    public void awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
