package io.prescient.plan;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.Models;
import io.prescient.forecast.registry.ModelTrainer;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.io.ingest.PanelSource;
import io.prescient.io.prometheus.PrometheusClient;
import io.prescient.io.prometheus.PrometheusSource;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.capacity.WhatIf;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.DriftHandler;
import io.prescient.plan.loop.DryRunActuator;
import io.prescient.plan.loop.FileActuator;
import io.prescient.plan.loop.LoopPosition;
import io.prescient.plan.loop.LoopSettings;
import io.prescient.plan.loop.ModelWatch;
import io.prescient.plan.loop.PlanningStep;
import io.prescient.plan.loop.Recording;
import io.prescient.plan.loop.RetrainOnDrift;
import io.prescient.plan.loop.SimulatedClockLoop;
import io.prescient.plan.scenario.ScenarioFile;
import io.prescient.plan.scenario.ScenarioSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The planning loop's one front door. From a validated config it builds everything a loop needs:
 * the source (raw files, a stored dataset or Prometheus, re-read as of any time), the workloads it
 * selects with their covariates, the model each serves (its registry champion, else the config's
 * model, trained first when it learns across series), the planning step (model, scenarios, Monte
 * Carlo settings and capacity planner), drift monitoring with the retrain-validate-promote cycle,
 * the journal, the actuator, the simulated clock ({@link #clock}), the live clock ({@link #live})
 * and what-if. {@code run} (simulated and live), {@code serve},
 * {@code plan}, the server's what-if and the Flink job all assemble their loop here, so the
 * percentile, horizon, season and every other default come from {@link LoopConfig} alone.
 */
public final class LoopAssembly {

    /** The config's model names a registry scope's champion when written {@code champion:<scope>}. */
    public static final String CHAMPION_PREFIX = "champion:";

    /**
     * Demand is forecast as a non-negative quantity on every face, whatever unit the source gives (a
     * CSV's or Prometheus's series has none; the Flink job's points carry none): capacity is planned for
     * it, and a forecast below zero would only lower the plan's tail.
     */
    public static final boolean NON_NEGATIVE_DEMAND = true;

    private final LoopConfig config;
    private final Path configFile;
    private final Map<String, String> environment;
    private final Optional<SeriesStore> store;
    /** The Prometheus source, made at the first read and kept, so the rounds share one HTTP client. */
    private PrometheusSource prometheus;

    /**
     * @param configFile  where the config was read from (named in errors)
     * @param environment environment variables (the Prometheus source's auth header)
     * @param store       the store for the journal, the registry and a stored-dataset source; empty: keep nothing
     */
    public LoopAssembly(LoopConfig config, Path configFile, Map<String, String> environment, Optional<SeriesStore> store) {
        this.config = config;
        this.configFile = configFile;
        this.environment = Map.copyOf(environment);
        this.store = store;
    }

    public LoopConfig config() {
        return config;
    }

    public Optional<SeriesStore> store() {
        return store;
    }

    public long stepSeconds() {
        return config.stepSeconds();
    }

    public LoopSettings settings() {
        return config.settings();
    }

    /** The config's scenarios, which every workload simulates. */
    public ScenarioSet scenarios() {
        return config.scenarios().map(ScenarioFile::read).orElse(ScenarioSet.baseline());
    }

    /** What {@code w} simulates: the config's scenarios, then its own. */
    public ScenarioSet scenarios(LoopConfig.Workload w) {
        return merged(scenarios(), w.scenarios().map(ScenarioFile::read));
    }

    /** {@code shared} then {@code own}, named after both (or after {@code own} when nothing is shared). */
    public static ScenarioSet merged(ScenarioSet shared, Optional<ScenarioSet> own) {
        if (own.isEmpty()) {
            return shared;
        }
        if (shared.scenarios().isEmpty()) {
            return own.get();
        }
        List<io.prescient.plan.scenario.Scenario> all = new ArrayList<>(shared.scenarios());
        all.addAll(own.get().scenarios());
        return new ScenarioSet(shared.name() + " + " + own.get().name(), all);
    }

    /**
     * Each named workload's own scenario file as text, by series ({@code *} for the workload that takes
     * the rest), for what travels as text (the Flink job).
     */
    public Map<String, String> workloadScenariosYaml() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (LoopConfig.Workload w : config.workloads()) {
            w.scenarios().ifPresent(p -> out.put(w.series(), read(p)));
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** The scenario file's text ("" without one), for what travels as text (the server's baseline, the Flink job). */
    public String scenariosYaml() {
        return config.scenarios().map(LoopAssembly::read).orElse("");
    }

    // ---- the source ---------------------------------------------------------------------------------

    /**
     * The source's panels on the config's grid as of {@code now} (epoch seconds): files and stored
     * datasets as they are now (a growing file is read again), Prometheus over the lookback back from the last whole hour
     * before now ({@link TimeGrid#liveLookbackStart}).
     */
    public Map<String, Panel> read(long now, int threads) {
        if (config.source().prometheus()) {
            return prometheus(now);
        }
        return PanelSource.load(config.source().path(), config.source().format(),
                config.source().metrics().isEmpty() ? null : config.source().metrics(), threads, stepSeconds(), () -> {
                    SeriesStore s = store.orElseThrow(() -> new IllegalArgumentException(configFile + ": source.path "
                            + config.source().path() + " is no file or directory, and there is no store to read a dataset of that name from"));
                    return nonClosing(s);
                });
    }

    private synchronized PrometheusSource prometheusSource() {
        if (prometheus == null) {
            Optional<String> auth = config.source().authEnv().map(name -> {
                String v = environment.get(name);
                if (v == null) {
                    throw new IllegalArgumentException(configFile + ": source.auth_env names " + name + ", which is not set");
                }
                return v;
            });
            prometheus = new PrometheusSource(new PrometheusClient(URI.create(config.source().path()),
                    new PrometheusClient.Settings(Duration.ofSeconds(30), 3, Duration.ofMillis(500), auth)));
        }
        return prometheus;
    }

    private Map<String, Panel> prometheus(long now) {
        PrometheusSource source = prometheusSource();
        // the lookback starts on the hour's clock, so a model's work for the hour's first round is reused by the rest
        long from = TimeGrid.liveLookbackStart(now, stepSeconds(), config.source().lookbackSeconds());
        List<PrometheusSource.Query> demand = config.workloads().stream()
                .map(w -> new PrometheusSource.Query(w.series(), w.query().orElseThrow())).toList();
        Map<String, Panel> panels = new LinkedHashMap<>(source.read(demand, "demand", from, now, stepSeconds()));
        Map<String, List<PrometheusSource.Query>> covariates = new LinkedHashMap<>();
        config.workloads().forEach(w -> w.covariates().forEach((name, promql) -> covariates.computeIfAbsent(name, k -> new ArrayList<>())
                .add(new PrometheusSource.Query(w.series(), promql))));
        covariates.forEach((name, queries) -> panels.putAll(source.read(queries, name, from, now, stepSeconds())));
        return panels;
    }

    /** The shared store, lent to a reader that closes what it is given. */
    private static SeriesStore nonClosing(SeriesStore s) {
        return (SeriesStore) java.lang.reflect.Proxy.newProxyInstance(SeriesStore.class.getClassLoader(), new Class<?>[] {SeriesStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(s, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    // ---- the workloads ------------------------------------------------------------------------------

    /**
     * A series the config selected, with the capacity rules of the workload that selected it, its
     * covariates' values on its grid and the scenarios it simulates (the config's, then its workload's).
     */
    /** @param unitPrice price of one unit for one hour, in the config's currency (NaN: none configured) */
    public record Selected(RegularSeries series, CapacityModel capacity, Map<String, double[]> covariates, ScenarioSet scenarios,
                           double unitPrice) {

        public Selected {
            covariates = Map.copyOf(covariates);
        }

        /** {@code item/metric}: the workload's name in decisions, the journal, the registry scope and the server. */
        public String name() {
            return series.key().item() + "/" + series.key().metric();
        }

        public History history() {
            return new History(series.grid(), series.values(), covariates, NON_NEGATIVE_DEMAND);
        }

        /** Units holding the last value observed before step {@code from} at target utilisation, within the bounds. */
        public double initialUnits(int from) {
            return LoopPosition.initialUnits(series.values(), from, capacity);
        }
    }

    /** The metric under which a covariate's series are in the panels: its name for Prometheus (its own query), else its source metric. */
    private String covariateMetric(String name, String source) {
        return config.source().prometheus() ? name : source;
    }

    /**
     * The series each config workload selects; named workloads first, then {@code *} takes the rest.
     * Metrics that serve as covariates are not workloads themselves.
     */
    public List<Selected> select(Map<String, Panel> panels) {
        List<Selected> out = new ArrayList<>();
        Set<SeriesKey> named = new HashSet<>();
        Set<String> covariateMetrics = new HashSet<>();
        config.workloads().forEach(w -> w.covariates().forEach((n, src) -> covariateMetrics.add(covariateMetric(n, src))));
        List<LoopConfig.Workload> ordered = new ArrayList<>(config.workloads());
        ordered.sort(Comparator.comparing(w -> w.series().equals("*")));
        for (LoopConfig.Workload w : ordered) {
            int taken = 0;
            ScenarioSet scenarios = scenarios(w);
            for (Map.Entry<String, Panel> e : panels.entrySet()) {
                if (w.metric().isPresent() && !w.metric().get().equals(e.getKey()) || covariateMetrics.contains(e.getKey())) {
                    continue;
                }
                for (RegularSeries s : e.getValue().series()) {
                    // a wide file's column read as a covariate (an item named by a covariate, no metric of that name) is no workload
                    boolean covariateColumn = covariateMetrics.contains(s.key().item()) && !panels.containsKey(s.key().item());
                    boolean wanted = w.series().equals("*") ? !named.contains(s.key()) && !covariateColumn
                            : s.key().item().equals(w.series());
                    if (wanted && taken < w.limit()) {
                        out.add(new Selected(s, w.capacity(), covariates(w, s, panels), scenarios, w.unitPrice()));
                        named.add(s.key());
                        taken++;
                    }
                }
            }
            if (taken == 0 && !w.series().equals("*")) {
                throw new IllegalArgumentException(configFile + ": workload series '" + w.series() + "'"
                        + w.metric().map(m -> " of metric " + m).orElse("") + " is not in " + config.source().path());
            }
        }
        return out;
    }

    private Map<String, double[]> covariates(LoopConfig.Workload w, RegularSeries s, Map<String, Panel> panels) {
        Map<String, double[]> out = new LinkedHashMap<>();
        w.covariates().forEach((name, source) -> {
            String metric = covariateMetric(name, source);
            Panel panel = panels.get(metric);
            RegularSeries c = panel == null ? null : panel.series().stream().filter(x -> x.key().item().equals(s.key().item()))
                    .findFirst().orElse(null);
            if (c == null && !config.source().prometheus()) {
                // a wide file's columns are items of one metric: the covariate is then the column of its name beside the workload's
                Panel own = panels.get(s.key().metric());
                c = own == null ? null : own.series().stream().filter(x -> x.key().item().equals(source)
                        && x.key().dataset().equals(s.key().dataset())).findFirst().orElse(null);
            }
            if (c == null) {
                throw new IllegalArgumentException(configFile + ": covariate '" + name + "' of workload " + s.key().item() + ": no series of "
                        + (config.source().prometheus() ? "its query" : "metric " + metric + " for item " + s.key().item()
                        + ", nor a column " + source + " beside it in a wide file,") + " in " + config.source().path());
            }
            out.put(name, c.onGrid(s.grid()).values());
        });
        return out;
    }

    /**
     * The steps a workload's simulated clock runs over: simulate.from/until when set, else the last day
     * before its last observed value.
     */
    public int[] window(RegularSeries s) {
        double[] y = s.values();
        int last = y.length;
        while (last > 0 && Double.isNaN(y[last - 1])) {
            last--;
        }
        TimeGrid grid = s.grid();
        int from = config.from().map(t -> (int) Math.max(1, Math.min(y.length, grid.indexOf(t)))).orElse(Math.max(1, last - config.season()));
        int until = config.until().map(t -> (int) Math.max(0, Math.min(y.length, grid.indexOf(t)))).orElse(Math.max(from + 1, last));
        if (from >= until) {
            throw new IllegalArgumentException(configFile + ": the simulated window is empty for " + s.key() + ", whose grid runs "
                    + Instant.ofEpochSecond(grid.start()) + " to " + Instant.ofEpochSecond(grid.end()));
        }
        return new int[] {from, until};
    }

    // ---- the models ---------------------------------------------------------------------------------

    /** The config's model before training: for {@code champion:<scope>}, what that scope's champion serves. */
    private Optional<ServedModel> fromRegistry() {
        if (!config.model().startsWith(CHAMPION_PREFIX)) {
            return Optional.empty();
        }
        String scope = config.model().substring(CHAMPION_PREFIX.length());
        SeriesStore s = store.orElseThrow(() -> new IllegalArgumentException(configFile + ": model " + config.model()
                + " is read from the store's registry, and there is no store"));
        return Optional.of(ServedModel.champion(s.models(), scope).orElseThrow(() -> new IllegalArgumentException(configFile
                + ": model " + config.model() + ": scope " + scope + " has no champion; 'prescient model list' shows the scopes")));
    }

    /**
     * The config's model, ready to serve: a registry champion's artifact, else the named model, trained
     * first on {@code trainingHeads} when it learns across series (a network or a combination holding one).
     */
    public ServedModel configuredModel(List<History> trainingHeads, Consumer<String> log) {
        Optional<ServedModel> registered = fromRegistry();
        if (registered.isPresent()) {
            return registered.get();
        }
        Forecaster forecaster = Models.create(config.model(), stepSeconds(), config.season(), config.horizon());
        if (forecaster.needsTraining()) {
            log.accept(String.format(java.util.Locale.ROOT, "training %s on %d workloads' history ...", config.model(), trainingHeads.size()));
            forecaster = forecaster.train(trainingHeads);
        }
        return ServedModel.unregistered(forecaster);
    }

    /** True when serving the config's model means training it here (not a registry artifact, and it learns across series). */
    public boolean configuredModelNeedsTraining() {
        return !config.model().startsWith(CHAMPION_PREFIX)
                && Models.create(config.model(), stepSeconds(), config.season(), config.horizon()).needsTraining();
    }

    /** What watches the registry for each workload's champion (fixed without a store). */
    public ModelWatch watch() {
        return store.map(s -> ModelWatch.champions(s.models())).orElse(ModelWatch.FIXED);
    }

    /**
     * The model each workload serves at the start: its own champion ({@code loop/<workload>}) when the
     * registry has one (so a restarted loop serves what it promoted), else the config's model, trained
     * once for all on the workloads' history before {@code before.apply(workload)} when it needs training.
     */
    public Map<String, ServedModel> models(List<Selected> selected, Function<Selected, Integer> before, Consumer<String> log) {
        Map<String, ServedModel> out = new LinkedHashMap<>();
        ServedModel configured = null;
        for (Selected s : selected) {
            Optional<ServedModel> champion = store.flatMap(st -> ServedModel.champion(st.models(), ModelWatch.scope(s.name())));
            if (champion.isPresent()) {
                out.put(s.name(), champion.get());
                continue;
            }
            if (configured == null) {
                List<History> heads = new ArrayList<>();
                selected.forEach(x -> heads.add(x.history().head(before.apply(x))));
                configured = configuredModel(heads, log);
            }
            out.put(s.name(), configured);
        }
        return out;
    }

    // ---- the planning step --------------------------------------------------------------------------

    /** The planning step every face runs: the model, the scenarios and the settings, with a planner for the capacity rules. */
    public static PlanningStep step(ServedModel model, ScenarioSet scenarios, CapacityModel capacity, LoopSettings settings) {
        return new PlanningStep(model, scenarios, new CapacityPlanner(capacity), settings);
    }

    /**
     * The workload's planning step.
     *
     * @throws IllegalArgumentException naming the config when a scenario cannot reach the workload's plan (a covariate
     *                                  it lacks, or one its model does not read): the loop refuses at start, never holds
     *                                  every round
     */
    public PlanningStep step(Selected s, ServedModel model) {
        PlanningStep step = step(model, s.scenarios(), s.capacity(), settings());
        try {
            step.reach(step.scenarios(), s.covariates().keySet());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configFile + ": workload " + s.name() + ": " + e.getMessage(), e);
        }
        return step;
    }

    // ---- the loops ----------------------------------------------------------------------------------

    /** The simulated-clock workloads, each planning with its model under the config's scenarios and rules. */
    public List<SimulatedClockLoop.Workload> simulated(List<Selected> selected, Map<String, ServedModel> models) {
        List<SimulatedClockLoop.Workload> out = new ArrayList<>();
        for (Selected s : selected) {
            int[] w = window(s.series());
            out.add(new SimulatedClockLoop.Workload(s.name(), s.series().grid(), s.series().values(), s.covariates(),
                    NON_NEGATIVE_DEMAND, step(s, models.get(s.name())), s.initialUnits(w[0]), w[0], w[1]));
        }
        return out;
    }

    /**
     * What the loop does on drift: with a store, the retrain-validate-promote cycle in its registry
     * (scope {@code loop/<workload>}, the current model against {@code challengers}) on the history the
     * loop saw, as the series {@code series} names for the workload; without a store, it reports.
     */
    public DriftHandler driftHandler(String runId, Function<String, SeriesInfo> series, List<String> challengers) {
        if (store.isEmpty()) {
            return DriftHandler.REPORT_ONLY;
        }
        ModelTrainer trainer = new ModelTrainer(new ModelTrainer.Settings(stepSeconds(), config.season(), config.horizon(), 2, 1),
                Clock.systemUTC());
        return new RetrainOnDrift(store.get().models(), series, trainer, challengers, runId);
    }

    /** The drift handler for a fixed set of selected workloads (the simulated clock). */
    public DriftHandler driftHandler(String runId, List<Selected> selected, List<String> challengers) {
        Map<String, SeriesInfo> byName = new LinkedHashMap<>();
        selected.forEach(s -> byName.put(s.name(), s.series().info()));
        return driftHandler(runId, byName::get, challengers);
    }

    /** The loop over the workloads: the config's percentile and monitor, the drift handler, and the registry's champions. */
    public SimulatedClockLoop clock(DriftHandler onDrift) {
        return new SimulatedClockLoop(config.monitor().window(), config.monitor().minCoverage(), onDrift, watch());
    }

    /**
     * The loop on the real clock: each {@link LiveLoop#round} re-reads the source as of its time, plans
     * every workload selected, scores, monitors and retrains on drift with {@code challengers}, and
     * sends its decisions to {@code actuator} and the journal under {@code runId}.
     */
    public LiveLoop live(String runId, List<String> challengers, Actuator actuator, Consumer<String> log, int threads) {
        return new LiveLoop(this, runId, challengers, actuator, log, threads);
    }

    /** Where decisions are recorded: the store's journal under the run id, naming the config's actuator. */
    public Recording recording(String runId) {
        return new Recording(runId, config.actuator().type(), store.map(SeriesStore::journal));
    }

    /** A run id: the face and the time it started. */
    public static String runId(String face) {
        return face + "-" + Instant.now().toString().replace(":", "").replace(".", "-");
    }

    /**
     * The config's actuator: {@code dry-run} writes orders and holds to {@code log}, {@code file} appends
     * every decision to its file, {@code kubernetes} is opened by {@code kubernetes} (its module sits
     * outside the loop) from the targets file.
     */
    public Actuator actuator(Consumer<String> log, Function<Path, Actuator> kubernetes) {
        return switch (config.actuator().type()) {
            case "file" -> new FileActuator(config.actuator().path().orElseThrow());
            case "kubernetes" -> kubernetes.apply(config.actuator().path().orElseThrow());
            default -> {
                DryRunActuator dryRun = new DryRunActuator(log);
                yield new Actuator() {
                    // orders and holds are logged; a decision that keeps the units says nothing
                    @Override
                    public void apply(io.prescient.plan.loop.Decision d) {
                        if (d.held() || d.changes()) {
                            dryRun.apply(d);
                        }
                    }

                    @Override
                    public boolean dryRun() {
                        return true;
                    }
                };
            }
        };
    }

    // ---- what-if ------------------------------------------------------------------------------------

    /** A what-if: the futures and plans of the step's own scenarios and of the alternative, side by side. */
    public record WhatIfRun(PlanningStep.Futures baseline, PlanningStep.Futures alternative, WhatIf comparison) {
    }

    /**
     * Plans the step's scenarios and {@code alternative} from the same history with the same model, at
     * {@code percentile} with {@code paths} futures, from {@code units} in place.
     */
    public static WhatIfRun whatIf(PlanningStep step, History history, ScenarioSet alternative, double percentile, int paths,
                                   double units, double pricePerUnitHour) {
        PlanningStep s = step.withSettings(step.settings().with(percentile, paths));
        PlanningStep.Futures a = s.simulate(history, s.scenarios());
        PlanningStep.Futures b = s.simulate(history, alternative);
        return new WhatIfRun(a, b, WhatIf.compare(s.planner(), a.simulation(), b.simulation(), percentile, units, pricePerUnitHour));
    }
}
