package io.prescient.plan.loop;

import io.prescient.core.store.PlanningJournal;
import io.prescient.forecast.History;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One planning round at the clock's {@code now}: each workload is planned from the end of its data,
 * starting from the units its last recorded decision left in place (and the cooldown since its last
 * change), or from a fallback for a workload never planned. Data older than {@code maxStaleSteps}
 * steps before now means the source is not delivering: the round holds and says so.
 */
public final class LiveRound {

    /** A workload as the source delivers it now. */
    public record Workload(String name, History history, PlanningStep step, double fallbackUnits) {
    }

    private final int maxStaleSteps;

    public LiveRound(int maxStaleSteps) {
        if (maxStaleSteps < 1) {
            throw new IllegalArgumentException("max stale steps must be at least 1");
        }
        this.maxStaleSteps = maxStaleSteps;
    }

    public List<Decision> run(List<Workload> workloads, long now, Actuator actuator, SimulatedClockLoop.Recording recording) {
        List<Decision> out = new ArrayList<>();
        for (Workload w : workloads) {
            Optional<PlanningJournal.Step> latest = recording.journal().flatMap(j -> j.latest(w.name()));
            double units = latest.map(PlanningJournal.Step::units).orElse(w.fallbackUnits());
            long step = w.history().grid().stepSeconds();
            int sinceChange = recording.journal().flatMap(j -> j.latestChange(w.name()))
                    .map(c -> (int) Math.max(0, (now - c.originTs()) / step - w.step().leadSteps()))
                    .orElse(Integer.MAX_VALUE / 2);
            long lastData = lastObserved(w.history());
            PlanningStep.Outcome outcome;
            if (lastData == Long.MIN_VALUE || now - lastData > (long) maxStaleSteps * step) {
                String reason = lastData == Long.MIN_VALUE ? "the source delivered no data"
                        : "the source's data is stale: last point at " + Instant.ofEpochSecond(lastData) + ", now "
                        + Instant.ofEpochSecond(now) + " (more than " + maxStaleSteps + " steps)";
                outcome = new PlanningStep.Outcome(Decision.hold(w.name(), now, units, reason), Optional.empty(), w.step().model().id());
            } else {
                outcome = w.step().decide(w.name(), w.history(), units, sinceChange);
            }
            actuator.apply(outcome.decision());
            PlanningStep.Outcome done = outcome;
            recording.journal().ifPresent(j -> j.record(done.journal(recording.runId(), recording.actuatorName(), step,
                    w.step().percentile())));
            out.add(outcome.decision());
        }
        return out;
    }

    private static long lastObserved(History h) {
        double[] y = h.target();
        for (int t = y.length - 1; t >= 0; t--) {
            if (!Double.isNaN(y[t])) {
                return h.grid().timeAt(t);
            }
        }
        return Long.MIN_VALUE;
    }
}
