package io.prescient.cli;

import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.History;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlan;
import io.prescient.plan.capacity.WhatIf;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.loop.PlanningStep;
import io.prescient.plan.montecarlo.Simulation;
import io.prescient.plan.scenario.ScenarioFile;
import io.prescient.plan.scenario.ScenarioSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code prescient plan}: one workload's capacity plan from simulated futures, and what-if against a second scenario set. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Forecasts one workload from the end of its data (or --at), runs Monte Carlo over simulated futures "
                + "(the forecast's own uncertainty x the scenarios of --scenarios), and plans capacity at --percentile under "
                + "the capacity rules, printing each change with its reason.",
                "With --compare, plans a second scenario set on the same futures and reports the extra capacity and cost it "
                        + "needs and the risk of keeping the first plan."})
public final class PlanCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    PanelOptions input;

    @Option(names = "--series", required = true, description = "The workload: its item id (e.g. a VM number).")
    String item;

    @Option(names = "--metric", description = "Its metric (default: the first loaded, cpu_usage_mhz for gwa).")
    String metric;

    @Option(names = "--at", description = "Forecast origin (ISO time); data from it on is not used (default: the end of the data).")
    String at;

    @Option(names = "--horizon", defaultValue = "" + LoopConfig.Defaults.HORIZON, description = "Steps to plan (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--model", defaultValue = LoopConfig.Defaults.MODEL, completionCandidates = Registered.ModelNames.class,
            description = "Forecasting model: one of ${COMPLETION-CANDIDATES}, a combination a+b (quantiles averaged) or a&b (distributions mixed), or a per-series choice a|b (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    CovariateOptions covariates;

    @Option(names = "--scenarios", description = "Scenario file (YAML); none: the forecast's own uncertainty only.")
    Path scenarios;

    @Option(names = "--compare", description = "A second scenario file for what-if.")
    Path compare;

    @Option(names = "--percentile", defaultValue = "" + LoopConfig.Defaults.PERCENTILE, description = "Demand percentile to provision for (default: ${DEFAULT-VALUE}).")
    double percentile;

    @Option(names = "--paths", defaultValue = "" + LoopConfig.Defaults.PATHS, description = "Simulated futures (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--seed", defaultValue = "" + LoopConfig.Defaults.SEED, description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--unit-capacity", defaultValue = "" + LoopConfig.Defaults.UNIT_CAPACITY, description = "Demand one unit (replica, instance) serves at 100%% (default: ${DEFAULT-VALUE}).")
    double unitCapacity;

    @Option(names = "--target-utilisation", defaultValue = "" + LoopConfig.Defaults.TARGET_UTILISATION, description = "Utilisation to plan for (default: ${DEFAULT-VALUE}).")
    double target;

    @Option(names = "--min-units", defaultValue = "" + LoopConfig.Defaults.MIN_UNITS, description = "Fewest units (default: ${DEFAULT-VALUE}).")
    int minUnits;

    @Option(names = "--max-units", defaultValue = "" + LoopConfig.Defaults.MAX_UNITS, description = "Most units (default: ${DEFAULT-VALUE}).")
    int maxUnits;

    @Option(names = "--max-step", defaultValue = "" + LoopConfig.Defaults.MAX_STEP, description = "Largest change per step, in units (default: ${DEFAULT-VALUE}).")
    int maxStep;

    @Option(names = "--cooldown", defaultValue = "" + LoopConfig.Defaults.COOLDOWN, description = "Steps after a change before a scale-down (default: ${DEFAULT-VALUE}).")
    int cooldown;

    @Option(names = "--lead", defaultValue = "" + LoopConfig.Defaults.LEAD, description = "Steps for a change to take effect (default: ${DEFAULT-VALUE}).")
    int lead;

    @Option(names = "--current", description = "Units in place now (default: what the last observed demand needs).")
    Double current;

    @Option(names = "--rows", description = "Show at most this many steps of the plan table, evenly spaced (default: every step).")
    Integer rows;

    @Mixin
    OutputOption output;

    @Option(names = "--price", defaultValue = "0.1", description = "Price of one unit-hour, for what-if costs (default: ${DEFAULT-VALUE}).")
    double price;

    private final CliEnvironment environment;

    public PlanCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        input.resolve(environment, store.file());
        PrintWriter console = spec.commandLine().getOut();
        if (input.variates == null && "gwa".equalsIgnoreCase(input.format) && java.nio.file.Files.exists(Path.of(input.source()))) {
            input.variates = List.of("cpu_usage_mhz");
        }
        covariates.addTo(input);
        Map<String, String> covariateSources = new java.util.TreeMap<>();
        covariates.names().forEach(c -> covariateSources.put(c, c));
        CapacityModel capacity = new CapacityModel(unitCapacity, target, minUnits, maxUnits, maxStep, cooldown, lead, true);
        LoopConfig c = OneSeries.config(input, item, metric, horizon, percentile, model, paths, Optional.ofNullable(scenarios), capacity,
                price, covariateSources, seed);
        try (SeriesStore st = OneSeries.needsStore(input, model) ? environment.openStore(store.file(), true) : null) {
            return plan(new LoopAssembly(c, Path.of("--series " + item), environment.variables(), Optional.ofNullable(st)), console);
        }
    }

    private int plan(LoopAssembly assembly, PrintWriter console) {
        boolean json = output.json();
        // in JSON mode, notes (the covariate hint, training progress, scenario reach) go to standard error
        PrintWriter notes = json ? spec.commandLine().getErr() : console;
        Map<String, io.prescient.core.Panel> panels = assembly.read(Instant.now().getEpochSecond(), input.threads());
        LoopAssembly.Selected selected = assembly.select(panels).get(0);
        OneSeries.covariateHint(input, panels, selected).ifPresent(notes::println);
        History history = OneSeries.asOf(selected, at);
        ServedModel served = assembly.configuredModel(List.of(history), line -> {
            notes.println(line);
            notes.flush();
        });
        PlanningStep step = assembly.step(selected, served);
        java.util.Optional<String> problem = step.dataProblem(history);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(selected.series().key() + " as of " + Instant.ofEpochSecond(history.grid().end()) + ": "
                    + problem.get() + "; the loop would hold capacity here (plan an earlier origin with --at)");
        }
        double last = lastObserved(history);
        double now = current != null ? current : Math.max(minUnits, Math.ceil(last / (unitCapacity * target)));
        long started = System.nanoTime();
        PlanningStep.Futures f = step.simulate(history, step.scenarios());
        double ms = (System.nanoTime() - started) / 1e6;
        Simulation futures = f.simulation();
        CapacityPlan plan = step.planner().plan(futures, percentile, now);
        String unit = selected.series().info().unit().equals(io.prescient.core.Unit.UNKNOWN) ? "" : selected.series().info().unit().symbol();
        step.reach(step.scenarios(), history.covariates().keySet()).forEach(notes::println);
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        if (json) {
            doc.put("series", selected.series().key().toString());
            doc.put("unit", unit);
            doc.put("model", served.id());
            doc.put("origin", f.forecast().grid().start());
            doc.put("step_seconds", f.forecast().grid().stepSeconds());
            doc.put("percentile", percentile);
            doc.put("paths", paths);
            doc.put("scenarios", step.scenarios().name());
            doc.put("last_observed", last);
            doc.put("units_now", now);
            doc.put("unit_capacity", unitCapacity);
            doc.put("target_utilisation", target);
            doc.put("plan", planJson(futures, plan));
        } else {
            console.printf(Locale.ROOT, "%s  model %s  origin %s  horizon %d x %s  %d futures (%s) in %.0f ms%n", selected.series().key(),
                    served.id(), Instant.ofEpochSecond(f.forecast().grid().start()), horizon, input.freq(), paths, step.scenarios().name(), ms);
            String u = unit.isEmpty() ? "" : " " + unit;
            console.printf(Locale.ROOT, "last observed demand %.1f%s; %s units now (%.0f%s per unit at %.0f%% target)%n", last, u,
                    fmt(now), unitCapacity, u, 100 * target);
            printPlan(console, futures, plan);
        }
        if (compare != null) {
            ScenarioSet second = ScenarioFile.read(compare);
            step.reach(second, history.covariates().keySet()).forEach(notes::println);
            LoopAssembly.WhatIfRun run = LoopAssembly.whatIf(step, history, second, percentile, paths, now, price);
            WhatIf w = run.comparison();
            if (json) {
                Map<String, Object> whatIf = new java.util.LinkedHashMap<>();
                whatIf.put("scenarios", second.name());
                whatIf.put("plan", planJson(run.alternative().simulation(), w.alternative()));
                whatIf.put("extra_unit_hours", w.extraUnitHours());
                whatIf.put("extra_cost", w.extraCost());
                whatIf.put("price_per_unit_hour", price);
                whatIf.put("risk_of_keeping_any_step", w.riskOfKeepingAnyStep());
                whatIf.put("risk_of_keeping_per_step", w.riskOfKeepingPerStep());
                doc.put("what_if", whatIf);
            } else {
                console.printf(Locale.ROOT, "%nwhat-if '%s' against '%s':%n", second.name(), step.scenarios().name());
                printPlan(console, run.alternative().simulation(), w.alternative());
                console.printf(Locale.ROOT, "extra capacity %.1f unit-hours, extra cost %.2f at %.2f per unit-hour%n", w.extraUnitHours(),
                        w.extraCost(), price);
                console.printf(Locale.ROOT, "keeping the '%s' plan if '%s' happens: demand exceeds capacity at some step with "
                        + "probability %.3f, at a given step %.3f on average%n", step.scenarios().name(), second.name(), w.riskOfKeepingAnyStep(),
                        w.riskOfKeepingPerStep());
            }
        }
        if (json) {
            output.print(console, doc);
        }
        return 0;
    }

    /** A plan as JSON: per step its time, P50 and provisioned-percentile demand, units, capacity and exceedance; its changes. */
    private Map<String, Object> planJson(Simulation futures, CapacityPlan plan) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        long[] times = new long[plan.units().length];
        for (int h = 0; h < times.length; h++) {
            times[h] = futures.grid().timeAt(h);
        }
        m.put("times", times);
        m.put("p50", futures.percentile(0.5));
        m.put("demand_at_percentile", futures.percentile(percentile));
        m.put("units", plan.units());
        m.put("capacity", plan.capacity());
        m.put("exceedance", futures.exceedance(plan.capacity()));
        m.put("capped_steps", plan.cappedSteps());
        m.put("shortfall", plan.shortfall());
        m.put("changes", plan.changes().stream().map(c -> Map.of("step", c.step() + 1, "order_step", c.orderStep() + 1,
                "reason", c.reason())).toList());
        return m;
    }

    private void printPlan(PrintWriter console, Simulation futures, CapacityPlan plan) {
        double[] p50 = futures.percentile(0.5);
        double[] pp = futures.percentile(percentile);
        double[] exceed = futures.exceedance(plan.capacity());
        TextTable table = new TextTable(List.of("step", "time", "P50 demand", String.format(Locale.ROOT, "P%s demand",
                fmt(100 * percentile)), "units", "capacity", "P(exceed)"), true, false, true, true, true, true, true);
        int every = rows == null || rows < 1 ? 1 : (int) Math.ceil(plan.units().length / (double) rows);
        for (int h = 0; h < plan.units().length; h += every) {
            table.add(h + 1, Instant.ofEpochSecond(futures.grid().timeAt(h)), String.format(Locale.ROOT, "%.1f", p50[h]),
                    String.format(Locale.ROOT, "%.1f", pp[h]), fmt(plan.units()[h]), String.format(Locale.ROOT, "%.1f", plan.capacity()[h]),
                    String.format(Locale.ROOT, "%.3f", exceed[h]));
        }
        table.print(console);
        if (every > 1) {
            console.printf(Locale.ROOT, "(every %d steps of %d shown; --rows to change)%n", every, plan.units().length);
        }
        List<String> reasons = new ArrayList<>();
        for (CapacityPlan.Change c : plan.changes()) {
            reasons.add(String.format(Locale.ROOT, "  step %d (order at step %d): %s", c.step() + 1, c.orderStep() + 1, c.reason()));
        }
        console.println(reasons.isEmpty() ? "no change: the units in place cover the plan" : "changes:");
        reasons.forEach(console::println);
    }

    private static double lastObserved(History h) {
        double[] y = h.target();
        for (int t = y.length - 1; t >= 0; t--) {
            if (!Double.isNaN(y[t])) {
                return y[t];
            }
        }
        throw new IllegalArgumentException("the history has no observed value to plan from");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
