package io.prescient.server;

import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.Recording;
import io.prescient.plan.loop.SimulatedClockLoop;
import io.prescient.server.state.RoundSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code serve --replay}: recorded data on the simulated clock, one round of every workload per
 * tick ({@code tickMillis} apart), until the data ends.
 */
final class ReplayRounds implements RoundSource {

    /** A workload to replay, with its unit symbol and unit capacity. */
    record Replayed(SimulatedClockLoop.Workload workload, String unit, io.prescient.plan.capacity.CapacityModel capacity,
                    io.prescient.plan.capacity.Pricing pricing) {
    }

    private final List<SimulatedClockLoop.Cursor> cursors = new ArrayList<>();
    private final List<Replayed> replayed;
    private final long tickMillis;
    private final Actuator actuator;
    private final Recording recording;
    private boolean first = true;

    ReplayRounds(SimulatedClockLoop loop, List<Replayed> replayed, int every, long tickMillis, Actuator actuator, Recording recording) {
        this.replayed = List.copyOf(replayed);
        replayed.forEach(r -> cursors.add(loop.start(r.workload(), every)));
        this.tickMillis = tickMillis;
        this.actuator = actuator;
        this.recording = recording;
    }

    @Override
    public Optional<List<Served>> next() throws InterruptedException {
        if (cursors.stream().noneMatch(SimulatedClockLoop.Cursor::hasNext)) {
            return Optional.empty();
        }
        if (!first && tickMillis > 0) {
            Thread.sleep(tickMillis);
        }
        first = false;
        List<Served> out = new ArrayList<>();
        for (int i = 0; i < cursors.size(); i++) {
            SimulatedClockLoop.Cursor c = cursors.get(i);
            if (c.hasNext()) {
                out.add(new Served(c.next(actuator, recording), replayed.get(i).unit(), replayed.get(i).capacity(),
                        replayed.get(i).pricing()));
            }
        }
        return Optional.of(out);
    }
}
