package io.prescient.server;

import io.prescient.core.Panel;
import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.SimulatedClockLoop;
import io.prescient.server.api.PrescientServer;
import io.prescient.server.api.ServerSettings;
import io.prescient.server.state.FleetState;
import io.prescient.server.state.ServedLoop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code prescient serve} assembled: the config's workloads (through {@link LoopAssembly}, as
 * {@code prescient run} builds them) replayed on a simulated clock by a {@link ServedLoop}, decisions
 * to the dry-run actuator and the store's journal, drift handled by the retrain-validate-promote
 * cycle into the store's registry, and the {@link PrescientServer} in front.
 */
public final class Serve implements AutoCloseable {

    /**
     * @param assembly    the loop, assembled from the config (its store keeps the journal and the registry)
     * @param panels      the source's data as read at start
     * @param tickMillis  pause between loop rounds
     * @param fleet       an experts fleet directory whose recommendations.jsonl the server shows
     * @param experiments a directory of A/B reports (JSON from {@code prescient experts abtest --out})
     */
    public record Options(LoopAssembly assembly, Map<String, Panel> panels, long tickMillis, Optional<Path> fleet,
                          Optional<Path> experiments, double feedbackStrength, List<String> challengers) {
    }

    private final FleetState state;
    private final ServedLoop loop;
    private final PrescientServer server;

    private Serve(FleetState state, ServedLoop loop, PrescientServer server) {
        this.state = state;
        this.loop = loop;
        this.server = server;
    }

    public static Serve start(Options o, ServerSettings settings, Actuator actuator, Consumer<String> log) {
        LoopAssembly assembly = o.assembly();
        List<LoopAssembly.Selected> selected = assembly.select(o.panels());
        Map<String, ServedModel> models = assembly.models(selected, s -> assembly.window(s.series())[0], log);
        List<SimulatedClockLoop.Workload> workloads = assembly.simulated(selected, models);
        List<ServedLoop.Served> served = new ArrayList<>();
        Map<String, LoopAssembly.Selected> byName = new LinkedHashMap<>();
        for (int i = 0; i < selected.size(); i++) {
            LoopAssembly.Selected s = selected.get(i);
            served.add(new ServedLoop.Served(workloads.get(i), s.series().info().unit().symbol(), s.capacity().unitCapacity()));
            byName.put(s.name(), s);
        }
        Object storeLock = new Object();
        String runId = LoopAssembly.runId("serve");
        SimulatedClockLoop.DriftHandler retrain = assembly.driftHandler(runId, selected, o.challengers());
        SimulatedClockLoop.DriftHandler onDrift = (w, h, current) -> {
            synchronized (storeLock) {
                return retrain.onDrift(w, h, current);
            }
        };
        SimulatedClockLoop.Recording recording = assembly.recording(runId);
        FleetState state = new FleetState(5000);
        ServedLoop loop = new ServedLoop(assembly.clock(onDrift), served, assembly.config().every(), o.tickMillis(), actuator,
                new SimulatedClockLoop.Recording(runId, recording.actuatorName(), recording.journal().map(j -> locked(j, storeLock))),
                state, e -> log.accept("the planning loop stopped: " + e));
        LoopWhatIf whatIf = new LoopWhatIf(byName, workloads, assembly.scenarios(), assembly.scenariosYaml(), loop, state);
        Optional<SeriesStore> store = assembly.store();
        PrescientServer server = PrescientServer.start(settings, new PrescientServer.Sources(state, whatIf,
                store.map(SeriesStore::models), storeLock, new FeedbackAnalysis(o.feedbackStrength(), 1), o.fleet(), o.experiments()));
        loop.start();
        log.accept(String.format(java.util.Locale.ROOT, "serving %d workloads at %s (dashboard /, API /api, /openapi.yaml, /metrics); "
                + "run %s", served.size(), server.url(), runId));
        return new Serve(state, loop, server);
    }

    /** The journal with every call under the store's lock (the loop thread writes while API threads read the registry). */
    private static PlanningJournal locked(PlanningJournal j, Object lock) {
        return new PlanningJournal() {
            @Override
            public void record(Step step) {
                synchronized (lock) {
                    j.record(step);
                }
            }

            @Override
            public List<Step> steps(String runId) {
                synchronized (lock) {
                    return j.steps(runId);
                }
            }

            @Override
            public Optional<Step> latest(String workload) {
                synchronized (lock) {
                    return j.latest(workload);
                }
            }

            @Override
            public Optional<Step> latestChange(String workload) {
                synchronized (lock) {
                    return j.latestChange(workload);
                }
            }
        };
    }

    public FleetState state() {
        return state;
    }

    public ServedLoop loop() {
        return loop;
    }

    public PrescientServer server() {
        return server;
    }

    @Override
    public void close() {
        loop.close();
        server.close();
    }
}
