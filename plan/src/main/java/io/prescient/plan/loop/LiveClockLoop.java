package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.StoreException;
import io.prescient.forecast.History;
import io.prescient.forecast.registry.ServedModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The planning loop on the real clock, a round at a time: each round every workload is planned from
 * the end of the data the source delivers now, starting from the units its last recorded decision
 * left in place (and the cooldown since its last change), so a restarted loop goes on where the
 * journal left it. Between rounds it does what the simulated clock does: each forecast is scored
 * once its horizon has passed, against the data then delivered, and when rolling coverage falls
 * below the monitor's floor the drift handler runs the retrain-validate-promote cycle, whose champion
 * the workload goes on with; before every round the registry is asked which model each workload
 * serves. Data older than {@code maxStaleSteps} steps before now means the source is not delivering:
 * the round holds and says so. Every decision is recorded before it reaches the actuator; when the
 * store fails (a read, or a write still refused after its retries) the workload holds the units the
 * loop last knew, actuates nothing, and the round carries the fault, so the next round, with the
 * store back, goes on. Not thread-safe: one thread drives it.
 */
public final class LiveClockLoop {

    /**
     * A workload as the source delivers it now.
     *
     * @param step          the planning step (its model serves until the registry or a drift cycle replaces it)
     * @param fallbackUnits units in place for a workload the journal never saw
     */
    public record Workload(String name, History history, PlanningStep step, double fallbackUnits) {
    }

    /** What the loop keeps of a workload between rounds. */
    private static final class Track {
        ServedModel model;
        final ForecastMonitor monitor;
        /** Units the last recorded decision left in place (NaN before one): what a round the store fails holds. */
        double units = Double.NaN;

        Track(ServedModel model, ForecastMonitor monitor) {
            this.model = model;
            this.monitor = monitor;
        }
    }

    private final int maxStaleSteps;
    private final int monitorWindow;
    private final double minCoverage;
    private final DriftHandler onDrift;
    private final ModelWatch models;
    private final Map<String, Track> tracks = new HashMap<>();

    public LiveClockLoop(int maxStaleSteps, int monitorWindow, double minCoverage, DriftHandler onDrift, ModelWatch models) {
        if (maxStaleSteps < 1) {
            throw new IllegalArgumentException("max stale steps must be at least 1");
        }
        this.maxStaleSteps = maxStaleSteps;
        this.monitorWindow = monitorWindow;
        this.minCoverage = minCoverage;
        this.onDrift = onDrift;
        this.models = models;
    }

    /** A loop that holds after three steps without data, with the default monitor, reporting drift only, keeping its models. */
    public LiveClockLoop() {
        this(3, 24, 0.85, DriftHandler.REPORT_ONLY, ModelWatch.FIXED);
    }

    /** One round at the clock's {@code now} (epoch seconds): every workload's decision, through the actuator and into the journal. */
    public List<LoopRound> round(List<Workload> workloads, long now, Actuator actuator, Recording recording) {
        List<LoopRound> out = new ArrayList<>();
        for (Workload w : workloads) {
            out.add(round(w, now, actuator, recording));
        }
        return out;
    }

    /**
     * A round in which the source could not be read: every workload in {@code known} (as last read)
     * holds the units its last decision left, with {@code reason} recorded.
     */
    public List<LoopRound> hold(List<Workload> known, long now, String reason, Actuator actuator, Recording recording) {
        List<LoopRound> out = new ArrayList<>();
        for (Workload w : known) {
            Track track = tracks.get(w.name());
            PlanningStep step = track == null ? w.step() : w.step().withModel(track.model);
            Accuracy accuracy = track == null ? new Accuracy(0, 0, Double.NaN, Double.NaN) : track.monitor.total();
            try {
                double units = recording.journal().flatMap(j -> j.latest(w.name())).map(PlanningJournal.Step::units)
                        .orElse(w.fallbackUnits());
                PlanningStep.Outcome outcome = new PlanningStep.Outcome(Decision.hold(w.name(), now, units, reason), Optional.empty(),
                        step.model().id());
                Optional<LoopRound.Fault> fault = apply(outcome, w.history().grid().stepSeconds(), step, actuator, recording, track);
                out.add(new LoopRound(w.name(), now, w.history(), step, outcome, Optional.empty(), accuracy, fault));
            } catch (StoreException e) {
                out.add(storeFault(w, now, step, track, e, Optional.empty(), accuracy));
            }
        }
        return out;
    }

    /** Records the decision (write-ahead), then sends it to the actuator. */
    private static Optional<LoopRound.Fault> apply(PlanningStep.Outcome outcome, long stepSeconds, PlanningStep step, Actuator actuator,
                                                   Recording recording, Track track) {
        PlanningJournal.Step recorded = outcome.journal(recording.runId(), recording.actuatorName(), stepSeconds, step.percentile());
        recording.record(recorded);
        if (track != null) {
            track.units = outcome.decision().units();
        }
        Optional<LoopRound.Fault> failure = actuate(actuator, outcome.decision());
        Optional<LoopRound.Fault> unrecorded = recording.actuated(recorded, failure, actuator.dryRun());
        return failure.or(() -> unrecorded);
    }

    /**
     * Applies a recorded decision. An actuator that fails or refuses (a cluster out of reach, a decision outside
     * its bounds) fails this decision only: the round carries the fault, the next round decides again, and the
     * decision is never recorded twice by retrying the whole round.
     */
    static Optional<LoopRound.Fault> actuate(Actuator actuator, Decision decision) {
        try {
            actuator.apply(decision);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(LoopRound.Fault.actuator("applying " + decision.units() + " units to " + decision.workload() + " failed: "
                    + e.getMessage()));
        }
    }

    /** The round of a workload whose store failed: it holds what the loop last knew, actuating nothing. */
    private static LoopRound storeFault(Workload w, long now, PlanningStep step, Track track, StoreException e, Optional<Drift> drift,
                                        Accuracy accuracy) {
        double units = track != null && !Double.isNaN(track.units) ? track.units : w.fallbackUnits();
        String reason = "the store failed: " + e.getMessage() + "; holding " + units + " units, nothing actuated";
        PlanningStep.Outcome outcome = new PlanningStep.Outcome(Decision.hold(w.name(), now, units, reason), Optional.empty(),
                step.model().id());
        return new LoopRound(w.name(), now, w.history(), step, outcome, drift, accuracy, Optional.of(LoopRound.Fault.store(e.getMessage())));
    }

    private LoopRound round(Workload w, long now, Actuator actuator, Recording recording) {
        Track track = tracks.get(w.name());
        if (track == null) {
            try {
                track = new Track(w.step().model(), recordedMonitor(w, recording));
            } catch (StoreException e) {
                return storeFault(w, now, w.step(), null, e, Optional.empty(), new Accuracy(0, 0, Double.NaN, Double.NaN));
            }
            tracks.put(w.name(), track);
        }
        History seen = w.history();
        track.monitor.settle(seen.grid().end(), seen);
        track.model = models.serving(w.name(), track.model);
        Optional<Drift> drift = Optional.empty();
        if (track.monitor.driftDue(seen.grid().last(), (long) onDrift.stepsNeeded() * seen.grid().stepSeconds())) {
            DriftHandler.Response response = onDrift.onDrift(w.name(), seen, track.model);
            track.model = response.model();
            drift = Optional.of(new Drift(w.name(), now, track.monitor.driftCoverage(), response.action()));
            track.monitor.drifted();
        }
        PlanningStep step = w.step().withModel(track.model);
        try {
            PlanningStep.Outcome outcome = decide(w, now, step, recording);
            Optional<LoopRound.Fault> actuation = apply(outcome, seen.grid().stepSeconds(), step, actuator, recording, track);
            if (outcome.forecast().isPresent() && !outcome.decision().held()) {
                track.monitor.add(outcome.forecast().get());
            }
            return new LoopRound(w.name(), now, seen, step, outcome, drift, track.monitor.total(), actuation);
        } catch (StoreException e) {
            return storeFault(w, now, step, track, e, drift, track.monitor.total());
        }
    }

    /** The decision from the journal's last units and cooldown, or a hold when the source's data is stale. */
    private PlanningStep.Outcome decide(Workload w, long now, PlanningStep step, Recording recording) {
        History seen = w.history();
        Optional<PlanningJournal.Step> latest = recording.journal().flatMap(j -> j.latest(w.name()));
        double units = latest.map(PlanningJournal.Step::units).orElse(w.fallbackUnits());
        long stepSeconds = seen.grid().stepSeconds();
        int sinceChange = recording.journal().flatMap(j -> j.latestChange(w.name()))
                .map(c -> (int) Math.max(0, (now - c.originTs()) / stepSeconds - step.leadSteps()))
                .orElse(Integer.MAX_VALUE / 2);
        long lastData = lastObserved(seen);
        if (lastData == Long.MIN_VALUE || now - lastData > (long) maxStaleSteps * stepSeconds) {
            String reason = lastData == Long.MIN_VALUE ? "the source delivered no data"
                    : "the source's data is stale: last point at " + Instant.ofEpochSecond(lastData) + ", now "
                    + Instant.ofEpochSecond(now) + " (more than " + maxStaleSteps + " steps)";
            return new PlanningStep.Outcome(Decision.hold(w.name(), now, units, reason), Optional.empty(), step.model().id());
        }
        return step.decide(w.name(), seen, units, sinceChange);
    }

    /**
     * A new track's monitor, holding the journal's latest forecasts of the workload at this percentile
     * (a restarted loop scores what it forecast before, and rolling coverage goes on from them): the
     * last window's and those whose horizon had not passed, one per origin (the latest recorded; a
     * step journalled twice, by two runs, is scored once), none from after the data seen now (a
     * journal ahead of its source, as a replay's would be, has nothing to score yet).
     */
    private ForecastMonitor recordedMonitor(Workload w, Recording recording) {
        ForecastMonitor monitor = new ForecastMonitor(w.step().percentile(), monitorWindow, minCoverage);
        TimeGrid seen = w.history().grid();
        int wanted = monitorWindow + w.step().settings().horizon();
        Map<Long, PlanningJournal.Step> byOrigin = new TreeMap<>();
        for (PlanningJournal.Step s : recording.journal().map(j -> j.recent(w.name(), 2 * wanted)).orElse(List.of())) {
            if (!s.held() && s.median().length > 0 && s.percentile() == w.step().percentile() && s.stepSeconds() == seen.stepSeconds()
                    && s.upper().length == s.median().length && s.originTs() < seen.end()) {
                byOrigin.put(s.originTs(), s);
            }
        }
        List<PlanningJournal.Step> scored = new ArrayList<>(byOrigin.values());
        for (PlanningJournal.Step s : scored.subList(Math.max(0, scored.size() - wanted), scored.size())) {
            monitor.add(new TimeGrid(s.originTs(), seen.stepSeconds(), s.median().length), s.median(), s.upper());
        }
        return monitor;
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
