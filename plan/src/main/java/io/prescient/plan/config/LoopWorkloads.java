package io.prescient.plan.config;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesKey;
import io.prescient.core.Steps;
import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.GlobalForecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.Models;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.loop.LoopSettings;
import io.prescient.plan.loop.PlanningStep;
import io.prescient.plan.loop.SimulatedClockLoop;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.ScenarioFile;
import io.prescient.plan.scenario.ScenarioSet;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a loop config and the panels its source holds into the planning loop's workloads: which
 * series each config workload selects, the simulated clock's window over each, the forecaster
 * (trained first when it is a global model) and the units in place at the start. The CLI's
 * {@code run} and the server build their loops through here, so both plan the same way.
 *
 * @param config     the validated config
 * @param configFile where it was read from (named in errors)
 */
public record LoopWorkloads(LoopConfig config, Path configFile) {

    /**
     * A series the config selected, with the capacity rules of the workload that selected it and its
     * covariates' values on its grid.
     */
    public record Selected(RegularSeries series, CapacityModel capacity, Map<String, double[]> covariates) {

        public Selected {
            covariates = Map.copyOf(covariates);
        }

        /** {@code item/metric}: the workload's name in decisions, the journal and the server. */
        public String name() {
            return series.key().item() + "/" + series.key().metric();
        }

        public History history() {
            return new History(series.grid(), series.values(), covariates, series.info().unit().nonNegative());
        }

        /** Units holding the last value observed before step {@code from} at target utilisation, within the bounds. */
        public double initialUnits(int from) {
            return io.prescient.plan.loop.LoopPosition.initialUnits(series.values(), from, capacity);
        }
    }

    public long stepSeconds() {
        return Steps.parseSeconds(config.source().freq());
    }

    public int perDay() {
        return Math.max(1, Steps.perDay(stepSeconds()));
    }

    public ScenarioSet scenarios() {
        return config.scenarios().map(ScenarioFile::read).orElse(ScenarioSet.baseline());
    }

    public LoopSettings settings() {
        return new LoopSettings(config.horizon(), config.percentile(), 6, 0.2, new SimulationSettings(config.paths(), 42, 0.9, 16, 1));
    }

    /**
     * The metric under which a covariate's series are in the panels: its name for a Prometheus source
     * (each covariate is its own query), else the metric the config names.
     */
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
            for (Map.Entry<String, Panel> e : panels.entrySet()) {
                if (w.metric().isPresent() && !w.metric().get().equals(e.getKey()) || covariateMetrics.contains(e.getKey())) {
                    continue;
                }
                for (RegularSeries s : e.getValue().series()) {
                    boolean wanted = w.series().equals("*") ? !named.contains(s.key()) : s.key().item().equals(w.series());
                    if (wanted && taken < w.limit()) {
                        out.add(new Selected(s, w.capacity(), covariates(w, s, panels)));
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

    /** The workload's covariates for this series: the same item's series of each covariate metric, on its grid. */
    private Map<String, double[]> covariates(LoopConfig.Workload w, RegularSeries s, Map<String, Panel> panels) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        w.covariates().forEach((name, source) -> {
            String metric = covariateMetric(name, source);
            Panel panel = panels.get(metric);
            RegularSeries c = panel == null ? null : panel.series().stream().filter(x -> x.key().item().equals(s.key().item()))
                    .findFirst().orElse(null);
            if (c == null) {
                throw new IllegalArgumentException(configFile + ": covariate '" + name + "' of workload " + s.key().item() + ": no series of "
                        + (config.source().prometheus() ? "its query" : "metric " + metric) + " for item " + s.key().item() + " in "
                        + config.source().path());
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
        int from = config.from().map(t -> (int) Math.max(1, Math.min(y.length, grid.indexOf(t)))).orElse(Math.max(1, last - perDay()));
        int until = config.until().map(t -> (int) Math.max(0, Math.min(y.length, grid.indexOf(t)))).orElse(Math.max(from + 1, last));
        if (from >= until) {
            throw new IllegalArgumentException(configFile + ": the simulated window is empty for " + s.key() + ", whose grid runs "
                    + Instant.ofEpochSecond(grid.start()) + " to " + Instant.ofEpochSecond(grid.end()));
        }
        return new int[] {from, until};
    }

    /** The config's model; a global model is trained first on each workload's history before its window. */
    public Forecaster forecaster(List<Selected> selected) {
        Forecaster forecaster = Models.create(config.model(), stepSeconds(), perDay(), config.horizon());
        if (forecaster instanceof GlobalForecaster global) {
            List<History> heads = new ArrayList<>();
            for (Selected s : selected) {
                heads.add(s.history().head(window(s.series())[0]));
            }
            return global.train(heads);
        }
        return forecaster;
    }

    /** The simulated-clock workloads, each planning with {@code forecaster} under the config's scenarios and rules. */
    public List<SimulatedClockLoop.Workload> simulated(List<Selected> selected, Forecaster forecaster) {
        ScenarioSet scenarios = scenarios();
        LoopSettings settings = settings();
        List<SimulatedClockLoop.Workload> out = new ArrayList<>();
        for (Selected s : selected) {
            int[] w = window(s.series());
            out.add(new SimulatedClockLoop.Workload(s.name(), s.series().grid(), s.series().values(), s.covariates(),
                    s.series().info().unit().nonNegative(),
                    new PlanningStep(forecaster, scenarios, new CapacityPlanner(s.capacity()), settings), s.initialUnits(w[0]), w[0], w[1]));
        }
        return out;
    }
}
