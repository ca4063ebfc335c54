package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.Steps;
import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.GlobalForecaster;
import io.prescient.forecast.Models;
import io.prescient.forecast.registry.ModelTrainer;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import io.prescient.plan.config.LoopWorkloads;
import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.Decision;
import io.prescient.plan.loop.DryRunActuator;
import io.prescient.plan.loop.FileActuator;
import io.prescient.plan.loop.LiveRound;
import io.prescient.plan.loop.LoopSettings;
import io.prescient.plan.loop.PlanningStep;
import io.prescient.plan.loop.RetrainOnDrift;
import io.prescient.plan.loop.SimulatedClockLoop;
import io.prescient.plan.scenario.ScenarioFile;
import io.prescient.plan.scenario.ScenarioSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code prescient run --config prescient.yaml}: the planning loop over the config's workloads, on a
 * simulated clock (replaying recorded data) or, with {@code --live}, in rounds on the real clock;
 * every step is recorded in the store's journal.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the planning loop from a config file over its workloads on a simulated clock: at every round, "
                + "forecast, simulate futures under the scenarios, plan capacity at the percentile and order what the plan "
                + "needs a lead time ahead, or hold capacity and say why when data or the model fail. Every step is "
                + "recorded in the store (loop_steps, actions); the actuator (dry-run or file) gets every decision.",
                "Prints a summary per workload: rounds, orders, holds, forecast accuracy (MAE of the median, coverage of "
                        + "the percentile) and drift events."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--config", required = true, description = "The loop's config file (prescient.yaml).")
    Path config;

    @Option(names = "--show", defaultValue = "12", description = "Dry-run lines (orders and holds) to print (default: ${DEFAULT-VALUE}).")
    int show;

    @Option(names = "--threads", description = "Threads for reading data (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--challengers", split = ",", defaultValue = "ensemble,ets,seasonal-naive",
            description = "Models the retrain-validate-promote cycle tries when a workload's accuracy drifts "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> challengers;

    @Option(names = "--live", description = "Plan on the real clock instead: each round re-reads the source and plans every "
            + "workload from the end of its data; stale data (older than 3 steps) holds capacity.")
    boolean live;

    @Option(names = "--rounds", defaultValue = "1", description = "With --live: rounds to run (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--interval", description = "With --live: time between rounds, e.g. 5m (default: every x the grid step).")
    String interval;

    @Option(names = "--now", description = "With --live: the clock's time for the first round (ISO), e.g. to plan as of "
            + "the end of recorded data (default: the real time).")
    String now;

    private final CliEnvironment environment;

    public RunCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        LoopConfig c = LoopConfigFile.read(config);
        return live ? live(c) : simulated(c);
    }

    private Map<String, Panel> load(LoopConfig c, long step) {
        return panels(c, environment, store.file(), threads, step);
    }

    /** The config source's panels on the config's grid (shared with {@code serve}). */
    static Map<String, Panel> panels(LoopConfig c, CliEnvironment environment, Path storeFile, int threads, long step) {
        if (c.source().prometheus()) {
            return prometheus(c, environment, step, Instant.now().getEpochSecond());
        }
        PanelOptions panelOptions = new PanelOptions();
        panelOptions.source = c.source().path();
        panelOptions.format = c.source().format();
        panelOptions.freq = c.source().freq();
        panelOptions.variates = c.source().metrics().isEmpty() ? null : c.source().metrics();
        panelOptions.threads = threads;
        return panelOptions.load(environment, storeFile, step);
    }

    /** Each workload's PromQL over the source's lookback up to {@code now}, on the config's grid. */
    static Map<String, Panel> prometheus(LoopConfig c, CliEnvironment environment, long step, long now) {
        Optional<String> auth = c.source().authEnv().map(name -> {
            String v = environment.variables().get(name);
            if (v == null) {
                throw new IllegalArgumentException("source.auth_env names " + name + ", which is not set");
            }
            return v;
        });
        io.prescient.io.prometheus.PrometheusClient client = new io.prescient.io.prometheus.PrometheusClient(
                java.net.URI.create(c.source().path()), new io.prescient.io.prometheus.PrometheusClient.Settings(
                java.time.Duration.ofSeconds(30), 3, java.time.Duration.ofMillis(500), auth));
        io.prescient.io.prometheus.PrometheusSource source = new io.prescient.io.prometheus.PrometheusSource(client);
        long from = now - c.source().lookbackSeconds();
        List<io.prescient.io.prometheus.PrometheusSource.Query> demand = c.workloads().stream()
                .map(w -> new io.prescient.io.prometheus.PrometheusSource.Query(w.series(), w.query().orElseThrow())).toList();
        Map<String, Panel> panels = new LinkedHashMap<>(source.read(demand, "demand", from, now, step));
        Map<String, List<io.prescient.io.prometheus.PrometheusSource.Query>> covariates = new LinkedHashMap<>();
        c.workloads().forEach(w -> w.covariates().forEach((name, promql) -> covariates.computeIfAbsent(name, k -> new ArrayList<>())
                .add(new io.prescient.io.prometheus.PrometheusSource.Query(w.series(), promql))));
        covariates.forEach((name, queries) -> panels.putAll(source.read(queries, name, from, now, step)));
        return panels;
    }

    private Actuator actuator(LoopConfig c, PrintWriter console, AtomicInteger printed) {
        DryRunActuator dryRun = new DryRunActuator(line -> {
            if (printed.getAndIncrement() < show) {
                console.println(line);
            }
        });
        if (c.actuator().type().equals("kubernetes")) {
            return KubeActuation.open(c.actuator().path().orElseThrow(), console);
        }
        return c.actuator().type().equals("file") ? new FileActuator(c.actuator().path().orElseThrow())
                : d -> {
                    if (d.held() || d.changes()) {
                        dryRun.apply(d);
                    }
                };
    }

    private static String runId() {
        return "run-" + Instant.now().toString().replace(":", "").replace(".", "-");
    }

    /** Live rounds: re-read the source, plan every workload from the end of its data, sleep, repeat. */
    private int live(LoopConfig c) {
        PrintWriter console = spec.commandLine().getOut();
        long step = Steps.parseSeconds(c.source().freq());
        long pause = interval != null ? Steps.parseSeconds(interval) : c.every() * step;
        ScenarioSet scenarios = c.scenarios().map(ScenarioFile::read).orElse(ScenarioSet.baseline());
        Forecaster forecaster = Models.create(c.model(), step, Math.max(1, Steps.perDay(step)), c.horizon());
        if (forecaster instanceof GlobalForecaster) {
            throw new IllegalArgumentException(config + ": model " + c.model() + " is a global model; in live mode use the "
                    + "registry's trained version (not yet supported) or a per-series model such as ensemble");
        }
        LoopSettings settings = assembly(c).settings();
        String runId = runId();
        AtomicInteger printed = new AtomicInteger();
        Actuator actuator = actuator(c, console, printed);
        long clock = now != null ? Instant.parse(now).getEpochSecond() : Instant.now().getEpochSecond();
        for (int round = 1; round <= rounds; round++) {
            List<LiveRound.Workload> workloads = new ArrayList<>();
            for (LoopWorkloads.Selected s : assembly(c).select(load(c, step))) {
                workloads.add(new LiveRound.Workload(s.name(), s.history(),
                        new PlanningStep(forecaster, scenarios, new CapacityPlanner(s.capacity()), settings),
                        s.initialUnits(s.series().values().length)));
            }
            List<Decision> decisions;
            try (SeriesStore st = environment.openStore(store.file(), false)) {
                decisions = new LiveRound(3).run(workloads, clock, actuator,
                        new SimulatedClockLoop.Recording(runId, c.actuator().type(), Optional.of(st.journal())));
            }
            long orders = decisions.stream().filter(Decision::changes).count();
            long holds = decisions.stream().filter(Decision::held).count();
            console.printf(Locale.ROOT, "round %d at %s: %d workloads, %d orders, %d holds (run %s)%n", round,
                    Instant.ofEpochSecond(clock), decisions.size(), orders, holds, runId);
            console.flush();
            if (round < rounds) {
                try {
                    Thread.sleep(pause * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
                clock += pause;
            }
        }
        return 0;
    }

    private LoopWorkloads assembly(LoopConfig c) {
        return new LoopWorkloads(c, config);
    }

    /** The simulated clock over recorded data. */
    private int simulated(LoopConfig c) {
        PrintWriter console = spec.commandLine().getOut();
        LoopWorkloads assembly = assembly(c);
        long step = assembly.stepSeconds();
        int perDay = assembly.perDay();
        ScenarioSet scenarios = assembly.scenarios();
        List<LoopWorkloads.Selected> selected = assembly.select(load(c, step));
        if (Models.create(c.model(), step, perDay, c.horizon()) instanceof GlobalForecaster) {
            console.printf(Locale.ROOT, "training %s on %d workloads' history before their windows ...%n", c.model(), selected.size());
        }
        List<SimulatedClockLoop.Workload> workloads = assembly.simulated(selected, assembly.forecaster(selected));
        String runId = runId();
        AtomicInteger printed = new AtomicInteger();
        Actuator actuator = actuator(c, console, printed);
        console.printf(Locale.ROOT, "run %s: %d workloads, %s, every %d step(s), horizon %d, P%s, model %s, "
                        + "scenarios '%s', actuator %s%n", runId, workloads.size(), c.from().isPresent() || c.until().isPresent()
                        ? "simulated clock " + c.from().map(t -> Instant.ofEpochSecond(t).toString()).orElse("start") + " to "
                        + c.until().map(t -> Instant.ofEpochSecond(t).toString()).orElse("end")
                        : "simulated clock over each workload's last day of data", c.every(), c.horizon(), fmt(100 * c.percentile()),
                c.model(), scenarios.name(), c.actuator().type());
        console.flush();
        long started = System.nanoTime();
        SimulatedClockLoop.Result result;
        Map<String, RegularSeries> byName = new LinkedHashMap<>();
        selected.forEach(sel -> byName.put(sel.name(), sel.series()));
        ModelTrainer trainer = new ModelTrainer(new ModelTrainer.Settings(step, perDay, c.horizon(), 2, 1), Clock.systemUTC());
        try (SeriesStore s = environment.openStore(store.file(), false)) {
            RetrainOnDrift retrain = new RetrainOnDrift(s.models(), byName, trainer, challengers, runId);
            result = new SimulatedClockLoop(c.percentile(), c.monitor().window(), c.monitor().minCoverage(), retrain).run(workloads,
                    c.every(), actuator, new SimulatedClockLoop.Recording(runId, c.actuator().type(), Optional.of(s.journal())));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (printed.get() > show) {
            console.printf(Locale.ROOT, "... %d more dry-run lines%n", printed.get() - show);
        }
        summary(console, result, seconds, runId);
        return 0;
    }

    private void summary(PrintWriter console, SimulatedClockLoop.Result r, double seconds, String runId) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> firstHold = new LinkedHashMap<>();
        for (Decision d : r.decisions()) {
            int[] c = counts.computeIfAbsent(d.workload(), k -> new int[3]);
            c[0]++;
            c[1] += d.changes() ? 1 : 0;
            c[2] += d.held() ? 1 : 0;
            if (d.held()) {
                firstHold.putIfAbsent(d.workload(), Instant.ofEpochSecond(d.time()) + " " + d.reason());
            }
        }
        TextTable table = new TextTable(List.of("workload", "rounds", "orders", "holds", "MAE", "coverage", "first hold"),
                false, true, true, true, true, true, false);
        r.accuracy().forEach((w, a) -> {
            int[] c = counts.getOrDefault(w, new int[3]);
            table.add(w, c[0], c[1], c[2], String.format(Locale.ROOT, "%.2f", a.meanAbsoluteError()),
                    String.format(Locale.ROOT, "%.3f", a.coverage()), firstHold.getOrDefault(w, "-"));
        });
        table.print(console);
        for (SimulatedClockLoop.Drift d : r.drifts()) {
            console.printf(Locale.ROOT, "drift: %s at %s, coverage %.3f over the last forecasts -> %s%n", d.workload(),
                    Instant.ofEpochSecond(d.time()), d.coverage(), d.action());
        }
        console.printf(Locale.ROOT, "%d decisions in %.1f s (%.1f ms each); recorded as run %s in the store (tables "
                + "loop_steps, actions)%n", r.decisions().size(), seconds, 1000 * seconds / Math.max(1, r.decisions().size()), runId);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
