package io.prescient.server;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.registry.ModelTrainer;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopWorkloads;
import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.RetrainOnDrift;
import io.prescient.plan.loop.SimulatedClockLoop;
import io.prescient.server.api.PrescientServer;
import io.prescient.server.api.ServerSettings;
import io.prescient.server.state.FleetState;
import io.prescient.server.state.ServedLoop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code prescient serve} assembled: the config's workloads (through {@link LoopWorkloads}, as
 * {@code prescient run} builds them) replayed on a simulated clock by a {@link ServedLoop}, decisions
 * to the dry-run actuator and the store's journal, drift handled by the retrain-validate-promote
 * cycle into the store's registry, and the {@link PrescientServer} in front.
 */
public final class Serve implements AutoCloseable {

    /**
     * @param store       the store for the journal and the registry (empty: keep nothing)
     * @param tickMillis  pause between loop rounds
     * @param fleet       an experts fleet directory whose recommendations.jsonl the server shows
     * @param experiments a directory of A/B reports (JSON from {@code prescient experts abtest --out})
     */
    public record Options(Path configFile, LoopConfig config, Map<String, Panel> panels, Optional<SeriesStore> store, long tickMillis,
                          Optional<Path> fleet, Optional<Path> experiments, double feedbackStrength, List<String> challengers) {
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
        LoopWorkloads assembly = new LoopWorkloads(o.config(), o.configFile());
        List<LoopWorkloads.Selected> selected = assembly.select(o.panels());
        Forecaster forecaster = assembly.forecaster(selected);
        List<SimulatedClockLoop.Workload> workloads = assembly.simulated(selected, forecaster);
        List<ServedLoop.Served> served = new ArrayList<>();
        Map<String, LoopWorkloads.Selected> byName = new LinkedHashMap<>();
        Map<String, RegularSeries> series = new LinkedHashMap<>();
        for (int i = 0; i < selected.size(); i++) {
            LoopWorkloads.Selected s = selected.get(i);
            served.add(new ServedLoop.Served(workloads.get(i), s.series().info().unit().symbol(), s.capacity().unitCapacity()));
            byName.put(s.name(), s);
            series.put(s.name(), s.series());
        }
        Object storeLock = new Object();
        String runId = "serve-" + java.time.Instant.now().toString().replace(":", "").replace(".", "-");
        SimulatedClockLoop.DriftHandler onDrift = o.store().<SimulatedClockLoop.DriftHandler>map(st -> {
            RetrainOnDrift retrain = new RetrainOnDrift(st.models(), series, new ModelTrainer(new ModelTrainer.Settings(
                    assembly.stepSeconds(), assembly.perDay(), o.config().horizon(), 2, 1), Clock.systemUTC()), o.challengers(), runId);
            return (w, h, current) -> {
                synchronized (storeLock) {
                    return retrain.onDrift(w, h, current);
                }
            };
        }).orElse(SimulatedClockLoop.DriftHandler.REPORT_ONLY);
        Optional<PlanningJournal> journal = o.store().map(st -> locked(st.journal(), storeLock));
        FleetState state = new FleetState(5000);
        SimulatedClockLoop clockLoop = new SimulatedClockLoop(o.config().percentile(), o.config().monitor().window(),
                o.config().monitor().minCoverage(), onDrift);
        ServedLoop loop = new ServedLoop(clockLoop, served, o.config().every(), o.tickMillis(), actuator,
                new SimulatedClockLoop.Recording(runId, o.config().actuator().type(), journal), state,
                e -> log.accept("the planning loop stopped: " + e));
        String yaml = o.config().scenarios().map(Serve::read).orElse("");
        LoopWhatIf whatIf = new LoopWhatIf(byName, forecaster, assembly.scenarios(), yaml, o.config().horizon(), state);
        PrescientServer server = PrescientServer.start(settings, new PrescientServer.Sources(state, whatIf,
                o.store().map(SeriesStore::models), storeLock, new FeedbackAnalysis(o.feedbackStrength(), 1), o.fleet(), o.experiments()));
        loop.start();
        log.accept(String.format(java.util.Locale.ROOT, "serving %d workloads at %s (dashboard /, API /api, /openapi.yaml, /metrics); "
                + "run %s", served.size(), server.url(), runId));
        return new Serve(state, loop, server);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
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
