package io.prescient.cli;

import io.prescient.core.Aggregation;
import io.prescient.core.GapStats;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesKey;
import io.prescient.core.Steps;
import io.prescient.core.SummaryStats;
import io.prescient.core.store.SeriesStore;
import io.prescient.core.store.StoredSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code prescient series list|show}. */
@Command(name = "series", mixinStandardHelpOptions = true, description = "List and inspect stored series.",
        subcommands = {SeriesCommand.ListSeries.class, SeriesCommand.ShowSeries.class})
public final class SeriesCommand {

    /** {@code prescient series list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored series with their grid and gaps.")
    public static final class ListSeries implements Runnable {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Option(names = "--dataset", description = "Only this dataset.")
        String dataset;

        @Option(names = "--metric", description = "Only this metric.")
        String metric;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many rows; 0 for all (default: ${DEFAULT-VALUE}).")
        int limit;

        @Mixin
        OutputOption output;

        private final CliEnvironment environment;

        public ListSeries(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (SeriesStore s = environment.openStore(store.file(), true)) {
                List<StoredSeries> all = (dataset == null ? s.list() : s.list(dataset)).stream()
                        .filter(x -> metric == null || x.key().metric().equals(metric)).toList();
                int shown = limit <= 0 ? all.size() : Math.min(limit, all.size());
                if (output.json()) {
                    output.print(out, java.util.Map.of("total", all.size(), "series", all.subList(0, shown).stream().map(x -> {
                        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                        m.put("series", x.key().toString());
                        m.put("unit", x.info().unit().symbol());
                        m.put("start", x.grid().start());
                        m.put("step_seconds", x.grid().stepSeconds());
                        m.put("steps", x.grid().length());
                        m.put("missing", x.missing());
                        return m;
                    }).toList()));
                    return;
                }
                TextTable table = new TextTable(List.of("series", "unit", "start", "step", "steps", "missing"),
                        false, false, false, true, true, true);
                for (StoredSeries x : all.subList(0, shown)) {
                    table.add(x.key(), x.info().unit(), Formats.time(x.grid().start()), Steps.format(x.grid().stepSeconds()),
                            x.grid().length(), Formats.percent((double) x.missing() / Math.max(1, x.grid().length())));
                }
                table.print(out);
                if (shown < all.size()) {
                    out.printf(Locale.ROOT, "... %d more (--limit 0 shows all)%n", all.size() - shown);
                }
                out.printf(Locale.ROOT, "%d series%n", all.size());
            }
        }
    }

    /** {@code prescient series show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one series: grid, gaps, summary statistics, a sparkline and its last values.")
    public static final class ShowSeries implements Runnable {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Parameters(paramLabel = "<id>", description = "dataset/item/metric, as 'series list' prints it.")
        String id;

        @Option(names = "--step", description = "Resample to this step first (e.g. 1h).")
        String step;

        @Option(names = "--rule", defaultValue = "mean", description = "Resampling rule: sum, mean, max, min, first, last (default: ${DEFAULT-VALUE}).")
        String rule;

        @Option(names = "--last", defaultValue = "12", description = "How many of the last steps to print (default: ${DEFAULT-VALUE}).")
        int last;

        @Mixin
        OutputOption output;

        private final CliEnvironment environment;

        public ShowSeries(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (SeriesStore s = environment.openStore(store.file(), true)) {
                SeriesKey key = SeriesKey.parse(id);
                StoredSeries stored = s.find(key).orElseThrow(() -> new IllegalArgumentException(
                        "no series " + key + " in store " + s.location() + "; 'prescient series list' shows what there is"));
                RegularSeries series = s.load(key);
                if (step != null) {
                    series = series.resample(Steps.parseSeconds(step), Aggregation.parse(rule));
                }
                if (output.json()) {
                    output.print(out, json(stored, series));
                } else {
                    print(out, stored, series);
                }
            }
        }

        private java.util.Map<String, Object> json(StoredSeries stored, RegularSeries series) {
            GapStats gaps = series.gaps();
            SummaryStats st = series.summary();
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("series", series.key().toString());
            m.put("unit", series.info().unit().symbol());
            m.put("labels", stored.info().labels());
            m.put("source", stored.source());
            m.put("start", series.grid().start());
            m.put("step_seconds", series.grid().stepSeconds());
            m.put("steps", series.length());
            m.put("missing", gaps.missing());
            m.put("gaps", gaps.gaps());
            m.put("longest_gap", gaps.longestGap());
            m.put("stats", java.util.Map.of("min", st.min(), "p50", st.p50(), "mean", st.mean(), "p95", st.p95(), "max", st.max(),
                    "sd", st.stdDev()));
            int from = Math.max(0, series.length() - last);
            long[] times = new long[series.length() - from];
            double[] values = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                times[i] = series.grid().timeAt(from + i);
                values[i] = series.value(from + i);
            }
            m.put("last", java.util.Map.of("times", times, "values", values));
            return m;
        }

        private void print(PrintWriter out, StoredSeries stored, RegularSeries series) {
            GapStats gaps = series.gaps();
            SummaryStats st = series.summary();
            out.println(series.key() + "  [" + series.info().unit() + "]");
            out.println("  labels   " + stored.info().labels());
            out.println("  source   " + stored.source() + " (ingested " + stored.ingestedAt() + ")");
            out.printf(Locale.ROOT, "  grid     %s .. %s, step %s, %d steps%s%n", Formats.time(series.grid().start()),
                    Formats.time(series.grid().last()), Steps.format(series.grid().stepSeconds()), series.length(),
                    step == null ? "" : " (resampled: " + rule + " per " + step + ")");
            out.printf(Locale.ROOT, "  missing  %d steps (%s) in %d gaps, longest %d, leading %d, trailing %d%n",
                    gaps.missing(), Formats.percent(gaps.missingFraction()), gaps.gaps(), gaps.longestGap(),
                    gaps.leadingMissing(), gaps.trailingMissing());
            out.printf(Locale.ROOT, "  values   min %s  p50 %s  mean %s  p95 %s  max %s  sd %s%n", Formats.number(st.min()),
                    Formats.number(st.p50()), Formats.number(st.mean()), Formats.number(st.p95()),
                    Formats.number(st.max()), Formats.number(st.stdDev()));
            out.println("  shape    " + Sparkline.of(series.values(), 72));
            int from = Math.max(0, series.length() - last);
            if (from < series.length()) {
                TextTable table = new TextTable(List.of("time", "value"), false, true);
                for (int i = from; i < series.length(); i++) {
                    table.add(Formats.time(series.grid().timeAt(i)), Formats.number(series.value(i)));
                }
                table.print(out);
            }
        }
    }
}
