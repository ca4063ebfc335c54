package io.prescient.plan;

import io.prescient.core.SeriesInfo;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.LiveClockLoop;
import io.prescient.plan.loop.LoopRound;
import io.prescient.plan.loop.Recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The loop on the real clock as {@link LoopAssembly} builds it ({@code run --live}, {@code serve}):
 * each round re-reads the source as of its time and selects the workloads; one seen for the first
 * time joins with the model it serves (its champion, else the config's model, trained on the history
 * delivered); then a {@link LiveClockLoop} round plans, scores, monitors and retrains on drift, with
 * the registry's champions, the journal and the actuator. A source that cannot be read holds every
 * workload it delivered before, with the reason, and the loop goes on; so does a workload the source
 * stops delivering (its file deleted), until it comes back.
 */
public final class LiveLoop {

    /** One round: its time, what each workload's round did, and the workloads as selected then. */
    public record Round(long now, List<LoopRound> workloads, Map<String, LoopAssembly.Selected> selected) {
    }

    private final LoopAssembly assembly;
    private final String runId;
    private final Actuator actuator;
    private final Consumer<String> log;
    private final int threads;
    private final LiveClockLoop loop;
    private final Recording recording;
    private final Map<String, ServedModel> joinedWith = new LinkedHashMap<>();
    private final Map<String, SeriesInfo> series = new ConcurrentHashMap<>();
    private List<LiveClockLoop.Workload> lastRead = List.of();
    private Map<String, LoopAssembly.Selected> lastSelected = Map.of();

    LiveLoop(LoopAssembly assembly, String runId, List<String> challengers, Actuator actuator, Consumer<String> log, int threads) {
        this.assembly = assembly;
        this.runId = runId;
        this.actuator = actuator;
        this.log = log;
        this.threads = threads;
        this.loop = new LiveClockLoop(assembly.settings().maxMissingSteps(), assembly.config().monitor().window(),
                assembly.config().monitor().minCoverage(), assembly.driftHandler(runId, series::get, challengers), assembly.watch());
        this.recording = assembly.recording(runId);
    }

    public String runId() {
        return runId;
    }

    /** A round at {@code now} (epoch seconds). */
    public Round round(long now) {
        List<LoopAssembly.Selected> selected;
        try {
            selected = assembly.select(assembly.read(now, threads));
        } catch (RuntimeException e) {
            String reason = "the source could not be read: " + e.getMessage();
            log.accept("round at " + java.time.Instant.ofEpochSecond(now) + ": " + reason);
            return new Round(now, loop.hold(lastRead, now, reason, actuator, recording), lastSelected);
        }
        List<LoopAssembly.Selected> joining = selected.stream().filter(s -> !joinedWith.containsKey(s.name())).toList();
        if (!joining.isEmpty()) {
            joinedWith.putAll(assembly.models(joining, s -> s.series().values().length, log));
        }
        Map<String, LoopAssembly.Selected> byName = new LinkedHashMap<>();
        List<LiveClockLoop.Workload> workloads = new ArrayList<>();
        for (LoopAssembly.Selected s : selected) {
            series.put(s.name(), s.series().info());
            byName.put(s.name(), s);
            workloads.add(new LiveClockLoop.Workload(s.name(), s.history(), assembly.step(s, joinedWith.get(s.name())),
                    s.initialUnits(s.series().values().length)));
        }
        List<LoopRound> rounds = new ArrayList<>(loop.round(workloads, now, actuator, recording));
        // a workload the source delivered before and no longer does (its file deleted or renamed) holds, with the reason
        List<LiveClockLoop.Workload> vanished = lastRead.stream().filter(w -> !byName.containsKey(w.name())).toList();
        if (!vanished.isEmpty()) {
            String reason = "the source no longer delivers this workload (its file or series was removed or renamed?)";
            vanished.forEach(w -> log.accept("round at " + java.time.Instant.ofEpochSecond(now) + ": " + w.name() + ": " + reason));
            rounds.addAll(loop.hold(vanished, now, reason, actuator, recording));
            vanished.forEach(w -> byName.put(w.name(), lastSelected.get(w.name())));
            workloads.addAll(vanished);
        }
        lastRead = workloads;
        lastSelected = byName;
        return new Round(now, rounds, byName);
    }
}
