package io.prescient.io.ingest;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.store.SeriesStore;
import io.prescient.core.store.StoredSeries;
import io.prescient.io.read.ReadResult;
import io.prescient.io.read.SeriesReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

/**
 * Panels (one per metric, every item on the metric's common grid) from raw files or from the store:
 * what a backtest or a fleet-wide forecast works on.
 */
public final class PanelSource {

    private PanelSource() {
    }

    /**
     * Reads every file (in parallel on {@code threads} threads) and keeps the metrics {@code wanted} accepts.
     *
     * @throws io.prescient.core.validation.InvalidInputException if a file is bad
     */
    public static Map<String, Panel> fromFiles(List<Path> files, SeriesReader reader, Predicate<String> wanted,
                                               int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            List<List<RegularSeries>> kept = pool.submit(() -> files.parallelStream()
                    .map(reader::read)
                    .map(ReadResult::series)
                    .map(list -> list.stream().filter(s -> wanted.test(s.key().metric())).toList())
                    .toList()).join();
            List<RegularSeries> all = new ArrayList<>();
            kept.forEach(all::addAll);
            return byMetric(all);
        } finally {
            pool.shutdown();
        }
    }

    /** Loads the metrics {@code wanted} accepts of one dataset from the store. */
    public static Map<String, Panel> fromStore(SeriesStore store, String dataset, Predicate<String> wanted) {
        List<StoredSeries> listed = store.list(dataset);
        if (listed.isEmpty()) {
            throw new IllegalArgumentException("no dataset '" + dataset + "' in store " + store.location()
                    + " (and no such file or directory)");
        }
        List<RegularSeries> all = listed.stream().filter(s -> wanted.test(s.key().metric()))
                .map(s -> store.load(s.key())).toList();
        return byMetric(all);
    }

    /**
     * One panel per metric from {@code source}, a file or directory of raw files in {@code format} or,
     * when no such path exists, a dataset in the store {@code store} opens; each resampled to
     * {@code stepSeconds} with the mean. The one way commands and the planning loop read their series.
     *
     * @param format      a format name, or {@value #AUTO} to detect it from the files ({@link io.prescient.io.read.Format#detect})
     * @param metrics     the metrics to keep (null: for gwa, CPU in MHz and %; otherwise every metric)
     * @param stepSeconds the grid, or 0 for the data's own (the coarsest of its metrics')
     */
    /** The format name that asks for the format to be detected. */
    public static final String AUTO = "auto";

    public static Map<String, Panel> load(String source, String format, List<String> metrics, int threads, long stepSeconds,
                                          java.util.function.Supplier<SeriesStore> store) {
        Path path = Path.of(source);
        Map<String, Panel> panels;
        if (java.nio.file.Files.exists(path)) {
            io.prescient.io.read.Format fmt = AUTO.equalsIgnoreCase(format) ? io.prescient.io.read.Format.detect(path)
                    : io.prescient.io.read.Format.parse(format);
            List<String> wanted = metrics != null ? metrics
                    : fmt == io.prescient.io.read.Format.GWA ? List.of("cpu_usage_mhz", "cpu_usage_pct") : null;
            panels = fromFiles(SourceFiles.of(path, fmt), fmt.reader(), m -> wanted == null || wanted.contains(m), threads);
        } else {
            try (SeriesStore s = store.get()) {
                panels = fromStore(s, source, m -> metrics == null || metrics.contains(m));
            }
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no series of " + (metrics == null ? "any metric" : metrics) + " in " + source);
        }
        long step = stepSeconds > 0 ? stepSeconds : panels.values().stream().mapToLong(p -> p.grid().stepSeconds()).max().orElseThrow();
        Map<String, Panel> onGrid = new LinkedHashMap<>();
        panels.forEach((metric, panel) -> {
            if (panel.grid().stepSeconds() > step || step % panel.grid().stepSeconds() != 0) {
                throw new IllegalArgumentException("metric " + metric + " of " + source + " is on a " + panel.grid().stepSeconds()
                        + " s grid, which cannot be resampled to a " + step + " s grid");
            }
            onGrid.put(metric, panel.resample(step, io.prescient.core.Aggregation.MEAN));
        });
        return onGrid;
    }

    private static Map<String, Panel> byMetric(List<RegularSeries> all) {
        Map<String, List<RegularSeries>> grouped = new LinkedHashMap<>();
        for (RegularSeries s : all) {
            grouped.computeIfAbsent(s.key().metric(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Panel> panels = new LinkedHashMap<>();
        grouped.forEach((metric, series) -> panels.put(metric, Panel.aligned(series)));
        return panels;
    }
}
