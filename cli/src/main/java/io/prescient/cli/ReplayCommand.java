package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.plan.replay.DemandTrace;
import io.prescient.plan.replay.FrontierFiles;
import io.prescient.plan.replay.Headlines;
import io.prescient.plan.replay.MemberScore;
import io.prescient.plan.replay.Replay;
import io.prescient.plan.replay.ReplaySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code prescient replay}: the provisioning replay protocol over a dataset. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Provisioning replay exactly as the replay protocol defines it: oracle, the reactive HPA sweep, "
                + "static warm-up peak and Prescient's planner at swept percentiles, over every series; pooled and "
                + "per-workload SLO headlines.",
                "Writes <out>/frontier.csv (family,member,violation_rate,cost_ratio,unmet_share,slo_share,"
                        + "p90_series_violation) and <out>/frontier.svg."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    PanelOptions input;

    @Option(names = "--lead", defaultValue = "2", description = "Lead time in steps (default: ${DEFAULT-VALUE}).")
    int lead;

    @Option(names = "--warmup", defaultValue = "2016", description = "Warm-up steps, history only (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--config", description = "A loop config: the replay also runs the product's own pipeline as the family "
            + "'pipeline' (the config's model, scenarios and simulated futures, a round every 'every' steps setting the next "
            + "rounds' capacity from the lead on), at each of --percentiles.")
    Path config;

    @Option(names = "--percentiles", split = ",", defaultValue = "0.9,0.95,0.975,0.99,0.995,0.999",
            description = "Percentiles of the pipeline's simulated demand swept with --config (default: ${DEFAULT-VALUE}).")
    double[] percentiles;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--replica-capacity", description = "Also run the integer-replica variant: capacity in whole replicas "
            + "of this size, written to <out>/frontier-replicas.csv and .svg.")
    Double replicaCapacity;

    @picocli.CommandLine.Mixin
    OutputOption output;

    private final CliEnvironment environment;

    public ReplayCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        boolean json = output.json();
        input.resolve(environment, store.file());
        // in JSON mode standard output carries the headlines; the text report goes to standard error
        PrintWriter console = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        if (input.variates == null && "gwa".equalsIgnoreCase(input.format) && java.nio.file.Files.exists(Path.of(input.source()))) {
            input.variates = List.of("cpu_usage_mhz");
        }
        long step = io.prescient.core.Steps.parseSeconds(input.freq());
        Map<String, Panel> panels = input.load(environment, store.file(), step);
        List<DemandTrace> traces = new ArrayList<>();
        panels.forEach((metric, panel) -> {
            for (RegularSeries s : panel.series()) {
                traces.add(DemandTrace.of(s.key().toString(), s.values()));
            }
        });
        ReplaySettings settings = new ReplaySettings(lead, warmup);
        List<io.prescient.plan.replay.PolicyFamily> families = new ArrayList<>(Replay.protocolFamilies());
        if (config != null) {
            families.add(pipeline(panels, step, settings, console));
        }
        long started = System.nanoTime();
        List<MemberScore> scores;
        try (Progress progress = Progress.of("replay", traces.size(), System.console() != null)) {
            scores = new Replay(families, settings, input.threads()).run(traces, progress::stepTo);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        FrontierFiles.writeCsv(out.resolve("frontier.csv"), scores);
        FrontierFiles.writeSvg(out.resolve("frontier.svg"), scores, String.format(Locale.ROOT,
                "Provisioning replay: %s, %d series, lead %d steps", input.source(), traces.size(), lead));
        doc.put("series", traces.size());
        doc.put("lead", lead);
        doc.put("warmup", warmup);
        doc.put("seconds", seconds);
        doc.put("families", report(console, Headlines.of(scores), traces.size(), seconds, "frontier"));
        doc.put("frontier", out.resolve("frontier.csv").toString());
        if (replicaCapacity != null) {
            started = System.nanoTime();
            List<MemberScore> replicas;
            try (Progress progress = Progress.of("replay (whole replicas)", traces.size(), System.console() != null)) {
                replicas = new Replay(io.prescient.plan.replay.WholeReplicas.all(families, replicaCapacity),
                        settings, input.threads()).run(traces, progress::stepTo);
            }
            FrontierFiles.writeCsv(out.resolve("frontier-replicas.csv"), replicas);
            FrontierFiles.writeSvg(out.resolve("frontier-replicas.svg"), replicas, String.format(Locale.ROOT,
                    "Provisioning replay in whole replicas of %s: %s, %d series", replicaCapacity, input.source(), traces.size()));
            console.printf(Locale.ROOT, "%ninteger-replica variant (replicas of %s):%n", replicaCapacity);
            doc.put("replica_families", report(console, Headlines.of(replicas), traces.size(), (System.nanoTime() - started) / 1e9,
                    "frontier-replicas"));
        }
        if (json) {
            output.print(spec.commandLine().getOut(), doc);
        }
        return 0;
    }

    /** The loop's planning step as the config assembles it, as a replay family (a model that learns across series trains on the warm-up). */
    private io.prescient.plan.replay.PolicyFamily pipeline(Map<String, Panel> panels, long step, ReplaySettings settings, PrintWriter console) {
        io.prescient.plan.config.LoopConfig c = io.prescient.plan.config.LoopConfigFile.read(config);
        io.prescient.plan.LoopAssembly assembly = new io.prescient.plan.LoopAssembly(c, config, environment.variables(), Optional.empty());
        if (assembly.stepSeconds() != step) {
            throw new IllegalArgumentException(config + ": the config's grid (" + assembly.stepSeconds() + " s) differs from --freq ("
                    + step + " s)");
        }
        io.prescient.core.TimeGrid grid = panels.values().iterator().next().grid();
        List<io.prescient.forecast.History> warmups = new ArrayList<>();
        if (assembly.configuredModelNeedsTraining()) {
            panels.values().forEach(p -> p.series().forEach(s -> warmups.add(io.prescient.forecast.History.of(s.grid(), s.values(), true)
                    .head(settings.warmup()))));
        }
        io.prescient.forecast.registry.ServedModel model = assembly.configuredModel(warmups, line -> {
            console.println(line);
            console.flush();
        });
        io.prescient.plan.loop.PlanningStep planning = io.prescient.plan.LoopAssembly.step(model, assembly.scenarios(),
                c.workloads().get(0).capacity(), assembly.settings());
        console.printf(Locale.ROOT, "pipeline: model %s, scenarios %s, %d simulated futures, a round every %d steps, horizon %d%n",
                model.id(), assembly.scenarios().name(), assembly.settings().simulation().paths(), c.every(), c.horizon());
        return new io.prescient.plan.replay.PipelinePolicy(planning, percentiles, grid, c.every(), 2 * settings.warmup(), lead);
    }

    /** Prints the headline table and the ratios; returns the table's rows for --output json. */
    private List<Map<String, Object>> report(PrintWriter console, List<Headlines.FamilyHeadline> headlines, int series, double seconds,
                                             String file) {
        console.printf(Locale.ROOT, "replay of %d series, lead %d steps, warm-up %d steps: %.1f s%n", series, lead, warmup, seconds);
        TextTable table = new TextTable(List.of("family", "pooled<=1% cost", "member", "pooled<=5% cost", "member",
                "SLO cost", "member", "SLO share", "p90 series viol."), false, true, false, true, false, true, false, true, true);
        for (Headlines.FamilyHeadline h : headlines) {
            table.add(h.family(), cost(h.pooled1()), member(h.pooled1()), cost(h.pooled5()), member(h.pooled5()), cost(h.slo()),
                    member(h.slo()), h.slo().map(s -> String.format(Locale.ROOT, "%.3f", s.sloShare())).orElse("-"),
                    h.slo().map(s -> String.format(Locale.ROOT, "%.4f", s.p90SeriesViolation())).orElse("-"));
        }
        table.print(console);
        console.println("(SLO: the cheapest member under which at least 95% of the series have at most 1% violations)");
        Optional<Headlines.FamilyHeadline> reactive = headlines.stream().filter(h -> h.family().equals("reactive")).findFirst();
        Optional<Headlines.FamilyHeadline> predictive = headlines.stream().filter(h -> h.family().equals("predictive")).findFirst();
        if (reactive.isPresent() && predictive.isPresent()) {
            console.printf(Locale.ROOT, "predictive / best reactive cost: pooled 1%% %s, pooled 5%% %s, per-workload SLO %s%n",
                    ratio(predictive.get().pooled1(), reactive.get().pooled1()),
                    ratio(predictive.get().pooled5(), reactive.get().pooled5()),
                    ratio(predictive.get().slo(), reactive.get().slo()));
        }
        Optional<Headlines.FamilyHeadline> pipeline = headlines.stream().filter(h -> h.family().equals("pipeline")).findFirst();
        if (reactive.isPresent() && pipeline.isPresent()) {
            console.printf(Locale.ROOT, "pipeline / best reactive cost: pooled 1%% %s, pooled 5%% %s, per-workload SLO %s%n",
                    ratio(pipeline.get().pooled1(), reactive.get().pooled1()),
                    ratio(pipeline.get().pooled5(), reactive.get().pooled5()),
                    ratio(pipeline.get().slo(), reactive.get().slo()));
        }
        console.printf(Locale.ROOT, "wrote %s and %s%n", out.resolve(file + ".csv"), out.resolve(file + ".svg"));
        return table.records();
    }

    private static String cost(Optional<MemberScore> s) {
        return s.map(m -> String.format(Locale.ROOT, "%.3f", m.costRatio())).orElse("none");
    }

    private static String member(Optional<MemberScore> s) {
        return s.map(MemberScore::member).orElse("-");
    }

    private static String ratio(Optional<MemberScore> a, Optional<MemberScore> b) {
        return a.isPresent() && b.isPresent() ? String.format(Locale.ROOT, "%.3f", a.get().costRatio() / b.get().costRatio()) : "n/a";
    }
}
