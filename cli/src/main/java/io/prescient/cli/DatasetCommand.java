package io.prescient.cli;

import io.prescient.core.Aggregation;
import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.Steps;
import io.prescient.core.store.SeriesStore;
import io.prescient.core.store.StoredSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code prescient dataset list|show}: datasets and each metric's common grid. */
@Command(name = "dataset", mixinStandardHelpOptions = true, description = "List datasets and show their common grids.",
        subcommands = {DatasetCommand.ListDatasets.class, DatasetCommand.ShowDataset.class})
public final class DatasetCommand {

    /** {@code prescient dataset list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List datasets with their item and metric counts.")
    public static final class ListDatasets implements Runnable {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Mixin
        OutputOption output;

        private final CliEnvironment environment;

        public ListDatasets(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (SeriesStore s = environment.openStore(store.file(), true)) {
                TextTable table = new TextTable(List.of("dataset", "items", "metrics", "series"), false, true, true, true);
                for (String name : s.datasets()) {
                    List<StoredSeries> all = s.list(name);
                    table.add(name, all.stream().map(x -> x.key().item()).distinct().count(),
                            all.stream().map(x -> x.key().metric()).distinct().count(), all.size());
                }
                if (output.json()) {
                    output.print(out, Map.of("datasets", table.records()));
                } else {
                    table.print(out);
                }
            }
        }
    }

    /** {@code prescient dataset show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show each metric of a dataset on the common grid of all its items (earliest to latest step "
                    + "of any item), with the share of missing points.",
                    "With --step, each series is first resampled (e.g. --step 1h --rule mean for the hourly grid)."})
    public static final class ShowDataset implements Runnable {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "<dataset>")
        String dataset;

        @Option(names = "--metric", split = ",", description = "Only these metrics (comma-separated).")
        List<String> metrics;

        @Option(names = "--step", description = "Resample each series to this step first.")
        String step;

        @Option(names = "--rule", defaultValue = "mean", description = "Resampling rule (default: ${DEFAULT-VALUE}).")
        String rule;

        @Mixin
        OutputOption output;

        private final CliEnvironment environment;

        public ShowDataset(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (SeriesStore s = environment.openStore(store.file(), true)) {
                Map<String, List<StoredSeries>> byMetric = s.list(dataset).stream()
                        .filter(x -> metrics == null || metrics.contains(x.key().metric()))
                        .collect(Collectors.groupingBy(x -> x.key().metric(), TreeMap::new, Collectors.toList()));
                if (byMetric.isEmpty()) {
                    throw new IllegalArgumentException("no series in dataset '" + dataset + "'"
                            + (metrics == null ? "" : " with metric " + metrics) + " in store " + s.location());
                }
                TextTable table = new TextTable(List.of("metric", "unit", "series", "start", "start (unix)", "step",
                        "steps", "missing"), false, false, true, false, true, false, true, true);
                for (Map.Entry<String, List<StoredSeries>> e : byMetric.entrySet()) {
                    List<RegularSeries> loaded = e.getValue().stream().map(x -> s.load(x.key())).toList();
                    if (!sharePhase(loaded)) {
                        table.add(e.getKey(), loaded.get(0).info().unit(), loaded.size(), "-", "-", "-", "-",
                                "no common grid: steps or phases differ");
                        continue;
                    }
                    Panel panel = Panel.aligned(loaded);
                    if (step != null) {
                        panel = panel.resample(Steps.parseSeconds(step), Aggregation.parse(rule));
                    }
                    table.add(e.getKey(), loaded.get(0).info().unit(), loaded.size(), Formats.time(panel.grid().start()),
                            panel.grid().start(), Steps.format(panel.grid().stepSeconds()), panel.grid().length(),
                            Formats.percent(panel.missingFraction()));
                }
                if (output.json()) {
                    output.print(out, Map.of("dataset", dataset, "metrics", table.records()));
                } else {
                    table.print(out);
                }
            }
        }

        private static boolean sharePhase(List<RegularSeries> series) {
            return series.stream().allMatch(x -> x.grid().compatibleWith(series.get(0).grid()));
        }
    }
}
