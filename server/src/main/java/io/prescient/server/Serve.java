package io.prescient.server;

import io.prescient.core.Panel;
import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.DriftHandler;
import io.prescient.plan.loop.Recording;
import io.prescient.plan.loop.SimulatedClockLoop;
import io.prescient.server.api.PrescientServer;
import io.prescient.server.api.ServerSettings;
import io.prescient.server.state.FleetState;
import io.prescient.server.state.LoopHealth;
import io.prescient.server.state.RoundSource;
import io.prescient.server.state.ServedLoop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code prescient serve} assembled: the config's loop (through {@link LoopAssembly}, as
 * {@code prescient run} builds it) on the real clock, re-reading the source every round, or with
 * {@code --replay} over recorded data on a simulated clock; a {@link ServedLoop} publishes its
 * rounds, decisions go to the config's actuator and the store's journal, drift runs the
 * retrain-validate-promote cycle in the store's registry, and the {@link PrescientServer} is in front.
 */
public final class Serve implements AutoCloseable {

    /** How the loop's clock runs. */
    public sealed interface Mode {
    }

    /** The real clock: a round every {@code intervalMillis}, the source re-read with {@code threads} readers. */
    public record Live(long intervalMillis, int threads) implements Mode {
    }

    /** The simulated clock over the source's data as read at start, a round every {@code tickMillis} of wall time. */
    public record Replay(Map<String, Panel> panels, long tickMillis) implements Mode {
    }

    /**
     * @param assembly    the loop, assembled from the config (its store keeps the journal and the registry)
     * @param fleet       an experts fleet directory whose recommendations.jsonl the server shows
     * @param experiments a directory of A/B reports (JSON from {@code prescient experts abtest --out})
     * @param challengers models the retrain cycle tries on drift
     */
    public record Options(LoopAssembly assembly, Mode mode, Optional<Path> fleet, Optional<Path> experiments, double feedbackStrength,
                          List<String> challengers) {

        /** A replay of {@code panels}, {@code tickMillis} apart. */
        public Options(LoopAssembly assembly, Map<String, Panel> panels, long tickMillis, Optional<Path> fleet, Optional<Path> experiments,
                       double feedbackStrength, List<String> challengers) {
            this(assembly, new Replay(panels, tickMillis), fleet, experiments, feedbackStrength, challengers);
        }
    }

    private final FleetState state;
    private final ServedLoop loop;
    private final PrescientServer server;

    private final Optional<java.util.concurrent.ExecutorService> refresh;

    private Serve(FleetState state, ServedLoop loop, PrescientServer server, Optional<java.util.concurrent.ExecutorService> refresh) {
        this.state = state;
        this.loop = loop;
        this.server = server;
        this.refresh = refresh;
    }

    public static Serve start(Options o, ServerSettings settings, Actuator actuator, Consumer<String> log) {
        LoopAssembly assembly = o.assembly();
        Object storeLock = new Object();
        String runId = LoopAssembly.runId("serve");
        RoundSource rounds = o.mode() instanceof Live live
                ? new LiveRounds(assembly.live(runId, o.challengers(), actuator, log, live.threads()), live.intervalMillis(), storeLock,
                        java.time.Clock.systemUTC(), assembly.config().currency())
                : replay(assembly, (Replay) o.mode(), runId, o.challengers(), actuator, storeLock, log);
        FleetState state = new FleetState(5000, new LoopHealth(stallMillis(o.mode()), System::currentTimeMillis));
        ServedLoop loop = new ServedLoop(rounds, state, e -> log.accept("a planning round failed (retrying after a backoff): " + e));
        LoopWhatIf whatIf = new LoopWhatIf(assembly.scenarios(), assembly.scenariosYaml(), loop, state);
        Optional<SeriesStore> store = assembly.store();
        FeedbackAnalysis feedback = new FeedbackAnalysis(assembly.config().feedback(), o.feedbackStrength());
        PrescientServer server = PrescientServer.start(settings, new PrescientServer.Sources(state, whatIf,
                store.map(SeriesStore::models), storeLock, feedback, o.fleet(), o.experiments()));
        Optional<java.util.concurrent.ExecutorService> refreshing = Optional.empty();
        if (assembly.config().feedback().isPresent() || o.fleet().isPresent()) {
            java.util.concurrent.ScheduledExecutorService refresh = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "background-analysis");
                t.setDaemon(true);
                return t;
            });
            if (assembly.config().feedback().isPresent()) {
                // a configured organisation is analysed at once (so /metrics carries its figures before anyone opens the page), and
                // its history and launch calendar are checked every minute: a change is read, analysed and its calendar changes listed
                refresh.scheduleWithFixedDelay(() -> {
                    try {
                        feedback.analysis();
                    } catch (RuntimeException e) {
                        log.accept("the feedback analysis of " + assembly.config().feedback().get().history() + " failed: " + e.getMessage());
                    }
                }, 0, 60, java.util.concurrent.TimeUnit.SECONDS);
            }
            o.fleet().ifPresent(fleet -> {
                // the served fleet is re-recommended on as its files change, checked every five minutes
                FleetRounds fleetRounds = new FleetRounds(fleet, store.map(SeriesStore::models), storeLock, java.time.Clock.systemUTC(), log);
                refresh.scheduleWithFixedDelay(() -> {
                    try {
                        fleetRounds.run();
                    } catch (RuntimeException e) {
                        log.accept("re-recommending on " + fleet + " failed: " + e.getMessage());
                    }
                }, 0, 300, java.util.concurrent.TimeUnit.SECONDS);
            });
            refreshing = Optional.of(refresh);
        }
        loop.start();
        log.accept(String.format(java.util.Locale.ROOT, "serving %s at %s (dashboard /, API /api, /openapi.yaml, /metrics); run %s",
                o.mode() instanceof Live l ? "live, a round every " + l.intervalMillis() + " ms" : "a replay on the simulated clock",
                server.url(), runId));
        return new Serve(state, loop, server, refreshing);
    }

    /**
     * How long without a completed round the watchdog calls the loop stalled: three intervals and at
     * least ten minutes live (a round that joins workloads trains their models), a minute in a replay.
     */
    static long stallMillis(Mode mode) {
        return mode instanceof Live live ? Math.max(3 * live.intervalMillis(), 600_000) : Math.max(60_000, 20 * ((Replay) mode).tickMillis());
    }

    /** The replay: the simulated clock over the panels, drift cycles and the journal under the store's lock. */
    private static RoundSource replay(LoopAssembly assembly, Replay replay, String runId, List<String> challengers, Actuator actuator,
                                      Object storeLock, Consumer<String> log) {
        List<LoopAssembly.Selected> selected = assembly.select(replay.panels());
        Map<String, ServedModel> models = assembly.models(selected, s -> assembly.window(s.series())[0], log);
        List<SimulatedClockLoop.Workload> workloads = assembly.simulated(selected, models);
        List<ReplayRounds.Replayed> replayed = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            LoopAssembly.Selected s = selected.get(i);
            replayed.add(new ReplayRounds.Replayed(workloads.get(i), s.series().info().unit().symbol(), s.capacity(),
                    new io.prescient.plan.capacity.Pricing(s.unitPrice(), assembly.config().currency())));
        }
        DriftHandler retrain = assembly.driftHandler(runId, selected, challengers);
        DriftHandler onDrift = new DriftHandler() {
            @Override
            public Response onDrift(String w, io.prescient.forecast.History h, io.prescient.forecast.registry.ServedModel current) {
                synchronized (storeLock) {
                    return retrain.onDrift(w, h, current);
                }
            }

            @Override
            public int stepsNeeded() {
                return retrain.stepsNeeded();
            }
        };
        Recording recording = assembly.recording(runId);
        return new ReplayRounds(assembly.clock(onDrift), replayed, assembly.config().every(), replay.tickMillis(), actuator,
                new Recording(runId, recording.actuatorName(), recording.journal().map(j -> locked(j, storeLock))));
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
            public void actuated(Step step, Actuation outcome, String detail) {
                synchronized (lock) {
                    j.actuated(step, outcome, detail);
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

            @Override
            public List<Step> recent(String workload, int limit) {
                synchronized (lock) {
                    return j.recent(workload, limit);
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
        refresh.ifPresent(java.util.concurrent.ExecutorService::shutdownNow);
        loop.close();
        server.close();
    }
}
