package io.prescient.cli;

import io.prescient.core.Steps;
import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.LiveLoop;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.Decision;
import io.prescient.plan.loop.Drift;
import io.prescient.plan.loop.LoopRound;
import io.prescient.plan.loop.SimulatedClockLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
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

    @Option(names = "--challengers", split = ",", defaultValue = io.prescient.plan.config.LoopConfig.Defaults.CHALLENGERS,
            completionCandidates = Registered.ModelNames.class,
            description = "Models the retrain-validate-promote cycle tries when a workload's accuracy drifts, of "
                    + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<String> challengers;

    @Option(names = "--live", description = "Plan on the real clock instead, until interrupted (or --rounds): each round re-reads "
            + "the source and plans every workload from the end of its data with the model it serves now (its registry champion, "
            + "else the config's model, trained once when it learns across series); data older than 6 steps holds capacity.")
    boolean live;

    @Option(names = "--rounds", description = "With --live: rounds to run (default: until interrupted).")
    Integer rounds;

    @Option(names = "--interval", description = "With --live: time between rounds, e.g. 5m (default: every x the grid step).")
    String interval;

    @Option(names = "--now", description = "With --live: the clock's time for the first round (ISO), e.g. to plan as of "
            + "the end of recorded data (default: the real time).")
    String now;

    @picocli.CommandLine.Mixin
    OutputOption output;

    private final CliEnvironment environment;

    public RunCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        LoopConfig c = LoopConfigFile.read(config);
        try (SeriesStore st = environment.openStore(store.file(), false)) {
            LoopAssembly assembly = new LoopAssembly(c, config, environment.variables(), Optional.of(st));
            return live ? live(assembly) : simulated(assembly);
        }
    }

    private Actuator actuator(LoopAssembly assembly, PrintWriter console, AtomicInteger printed) {
        return assembly.actuator(line -> {
            if (printed.getAndIncrement() < show) {
                console.println(line);
            }
        }, targets -> KubeActuation.open(targets, console));
    }

    /**
     * Live rounds through the assembly's live loop (re-read the source, plan every workload with the
     * model it serves now, score, retrain on drift), sleeping between them, until interrupted or --rounds.
     */
    private int live(LoopAssembly assembly) {
        boolean json = output.json();
        PrintWriter out = spec.commandLine().getOut();
        // in JSON mode standard output carries one JSON line per round; the rest goes to standard error
        PrintWriter console = json ? spec.commandLine().getErr() : out;
        long pause = interval != null ? Steps.parseSeconds(interval) : assembly.config().roundSeconds();
        AtomicInteger printed = new AtomicInteger();
        LiveLoop loop = assembly.live(LoopAssembly.runId("run"), challengers, actuator(assembly, console, printed), line -> {
            console.println(line);
            console.flush();
        }, threads);
        long clock = now != null ? Instant.parse(now).getEpochSecond() : Instant.now().getEpochSecond();
        for (int round = 1; rounds == null || round <= rounds; round++) {
            List<LoopRound> done = loop.round(clock).workloads();
            long orders = done.stream().filter(r -> r.outcome().decision().changes()).count();
            long holds = done.stream().filter(r -> r.outcome().decision().held()).count();
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("round", round);
                line.put("time", clock);
                line.put("run", loop.runId());
                line.put("decisions", done.stream().map(RunCommand::decision).toList());
                output.print(out, line);
            } else {
                console.printf(Locale.ROOT, "round %d at %s: %d workloads, %d orders, %d holds (run %s)%n", round,
                        Instant.ofEpochSecond(clock), done.size(), orders, holds, loop.runId());
            }
            done.forEach(r -> r.drift().ifPresent(d -> console.printf(Locale.ROOT, "  drift in %s: coverage %.3f -> %s%n",
                    d.workload(), d.coverage(), d.action())));
            console.flush();
            if (rounds == null || round < rounds) {
                try {
                    Thread.sleep(pause * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
                clock = now != null ? clock + pause : Instant.now().getEpochSecond();
            }
        }
        return 0;
    }

    /** A round's decision as JSON. */
    private static Map<String, Object> decision(LoopRound r) {
        Decision d = r.outcome().decision();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", d.workload());
        m.put("time", d.time());
        m.put("model", r.outcome().model());
        m.put("from", d.from());
        m.put("units", d.units());
        m.put("held", d.held());
        m.put("reason", d.reason());
        r.drift().ifPresent(x -> m.put("drift", Map.of("coverage", x.coverage(), "action", x.action())));
        r.fault().ifPresent(f -> m.put("fault", Map.of("source", f.source().name().toLowerCase(Locale.ROOT), "message", f.message())));
        return m;
    }

    /** The simulated clock over recorded data. */
    private int simulated(LoopAssembly assembly) {
        boolean json = output.json();
        PrintWriter out = spec.commandLine().getOut();
        // in JSON mode standard output carries the summary document; the header and dry-run lines go to standard error
        PrintWriter console = json ? spec.commandLine().getErr() : out;
        LoopConfig c = assembly.config();
        List<LoopAssembly.Selected> selected = assembly.select(assembly.read(Instant.now().getEpochSecond(), threads));
        Map<String, ServedModel> models = assembly.models(selected, s -> assembly.window(s.series())[0], line -> {
            console.println(line);
            console.flush();
        });
        List<SimulatedClockLoop.Workload> workloads = assembly.simulated(selected, models);
        String runId = LoopAssembly.runId("run");
        AtomicInteger printed = new AtomicInteger();
        Actuator actuator = actuator(assembly, console, printed);
        console.printf(Locale.ROOT, "run %s: %d workloads, %s, every %d step(s), horizon %d, P%s, model %s, "
                        + "scenarios '%s', actuator %s%n", runId, workloads.size(), c.from().isPresent() || c.until().isPresent()
                        ? "simulated clock " + c.from().map(t -> Instant.ofEpochSecond(t).toString()).orElse("start") + " to "
                        + c.until().map(t -> Instant.ofEpochSecond(t).toString()).orElse("end")
                        : "simulated clock over each workload's last day of data", c.every(), c.horizon(), fmt(100 * c.percentile()),
                String.join(",", new java.util.LinkedHashSet<>(models.values().stream().map(ServedModel::id).toList())),
                assembly.scenarios().name(), c.actuator().type());
        console.flush();
        long started = System.nanoTime();
        SimulatedClockLoop.Result result = assembly.clock(assembly.driftHandler(runId, selected, challengers))
                .run(workloads, c.every(), actuator, assembly.recording(runId));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (printed.get() > show) {
            console.printf(Locale.ROOT, "... %d more dry-run lines%n", printed.get() - show);
        }
        if (json) {
            output.print(out, summaryJson(result, seconds, runId, selected, workloads, c.currency()));
        } else {
            summary(console, result, seconds, runId, selected, workloads, c.currency());
        }
        return 0;
    }

    private void summary(PrintWriter console, SimulatedClockLoop.Result r, double seconds, String runId, List<LoopAssembly.Selected> selected,
                         List<SimulatedClockLoop.Workload> workloads, String currency) {
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
        TextTable table = new TextTable(List.of("workload", "rounds", "orders", "holds", "MAE", "coverage", "capacity", "reactive rule",
                "short steps", "first hold"), false, true, true, true, true, true, true, true, true, false);
        for (int i = 0; i < workloads.size(); i++) {
            SimulatedClockLoop.Workload w = workloads.get(i);
            io.prescient.plan.loop.Accuracy a = r.accuracy().get(w.name());
            if (a == null) {
                continue;
            }
            int[] c = counts.getOrDefault(w.name(), new int[3]);
            double price = selected.get(i).unitPrice();
            io.prescient.plan.capacity.CostComparison cost = r.costs(w, price);
            io.prescient.core.Unit unit = selected.get(i).series().info().unit();
            table.add(w.name(), c[0], c[1], c[2], String.format(Locale.ROOT, "%.2f", a.meanAbsoluteError())
                    + (unit.equals(io.prescient.core.Unit.UNKNOWN) ? "" : " " + unit.symbol()), String.format(Locale.ROOT, "%.3f", a.coverage()),
                    amount(cost.unitHours(), cost.cost(), currency), amount(cost.reactiveUnitHours(), cost.reactiveCost(), currency),
                    String.format(Locale.ROOT, "%.1f%% vs %.1f%%", 100 * cost.shortShare(), 100 * cost.reactiveShortShare()),
                    firstHold.getOrDefault(w.name(), "-"));
        }
        table.print(console);
        console.println("capacity: unit-hours the loop kept in place over the replayed steps (and their cost at capacity.unit_price); "
                + "reactive rule: a rule sizing to the demand one lead time ago on the same demand; short steps: demand above "
                + "capacity, the loop's vs the rule's");
        for (Drift d : r.drifts()) {
            console.printf(Locale.ROOT, "drift: %s at %s, coverage %.3f over the last forecasts -> %s%n", d.workload(),
                    Instant.ofEpochSecond(d.time()), d.coverage(), d.action());
        }
        console.printf(Locale.ROOT, "%d decisions in %.1f s (%.1f ms each); recorded as run %s in the store (tables "
                + "loop_steps, actions)%n", r.decisions().size(), seconds, 1000 * seconds / Math.max(1, r.decisions().size()), runId);
    }

    private static Map<String, Object> summaryJson(SimulatedClockLoop.Result r, double seconds, String runId,
                                                   List<LoopAssembly.Selected> selected, List<SimulatedClockLoop.Workload> workloads,
                                                   String currency) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < workloads.size(); i++) {
            SimulatedClockLoop.Workload w = workloads.get(i);
            io.prescient.plan.loop.Accuracy a = r.accuracy().get(w.name());
            List<Decision> mine = r.decisions().stream().filter(d -> d.workload().equals(w.name())).toList();
            io.prescient.plan.capacity.CostComparison cost = r.costs(w, selected.get(i).unitPrice());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workload", w.name());
            m.put("unit", selected.get(i).series().info().unit().symbol());
            m.put("rounds", mine.size());
            m.put("orders", mine.stream().filter(Decision::changes).count());
            m.put("holds", mine.stream().filter(Decision::held).count());
            m.put("mae", a == null ? Double.NaN : a.meanAbsoluteError());
            m.put("coverage", a == null ? Double.NaN : a.coverage());
            m.put("hours", cost.hours());
            m.put("unit_hours", cost.unitHours());
            m.put("reactive_unit_hours", cost.reactiveUnitHours());
            m.put("cost", cost.cost());
            m.put("reactive_cost", cost.reactiveCost());
            m.put("currency", currency);
            m.put("short_share", cost.shortShare());
            m.put("reactive_short_share", cost.reactiveShortShare());
            rows.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", runId);
        doc.put("decisions", r.decisions().size());
        doc.put("seconds", seconds);
        doc.put("workloads", rows);
        doc.put("drifts", r.drifts().stream().map(d -> Map.of("workload", d.workload(), "time", d.time(), "coverage", d.coverage(),
                "action", d.action())).toList());
        return doc;
    }

    private static String amount(double unitHours, double cost, String currency) {
        return Double.isNaN(cost) ? String.format(Locale.ROOT, "%.1f unit-h", unitHours)
                : String.format(Locale.ROOT, "%.1f unit-h, %.2f %s", unitHours, cost, currency);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
