package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.io.ingest.PanelSource;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a command's series come from (raw files or a stored dataset), which metrics, and the grid
 * they are put on: shared by backtest, score and export, so all three see the same panel.
 */
public final class PanelOptions {

    @Parameters(index = "0", paramLabel = "<raw-dir-or-dataset>",
            description = "A file or directory of raw files (read with --format), - for standard input, or the name of a dataset "
                    + "in the store.")
    String source;

    @Option(names = {"-f", "--format"}, defaultValue = "auto", description = "Format of raw files: csv, nab, gwa, genai, or auto: "
            + "detected from the files (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--freq", defaultValue = "auto", description = "Grid: 5m, 1h, ..., or auto: the data's own step (the coarsest "
            + "of its metrics'). Coarser than the data: each series is resampled with the mean of each bin (default: ${DEFAULT-VALUE}).")
    String freq;

    @Option(names = "--variates", split = ",", description = "Metrics, each as its own series "
            + "(default for gwa: cpu_usage_mhz,cpu_usage_pct; otherwise every metric).")
    List<String> variates;

    @Option(names = "--threads", description = "Threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    public String source() {
        return source;
    }

    /**
     * Replaces {@code auto} with what the data says: the format detected from the raw files, and the
     * grid step of the data itself (of the first raw file, or the coarsest of the stored dataset's
     * series). Commands call it before they use the format or the grid.
     */
    public void resolve(CliEnvironment environment, Path storeFile) {
        if (StandardInput.DASH.equals(source)) {
            source = StandardInput.file(System.in).toString();
        }
        Path path = Path.of(source);
        boolean raw = java.nio.file.Files.exists(path);
        if (PanelSource.AUTO.equalsIgnoreCase(format)) {
            format = raw ? io.prescient.io.read.Format.detect(path).name().toLowerCase(java.util.Locale.ROOT) : "csv";
        }
        if (PanelSource.AUTO.equalsIgnoreCase(freq)) {
            long step;
            if (raw) {
                io.prescient.io.read.Format fmt = io.prescient.io.read.Format.parse(format);
                Path first = io.prescient.io.ingest.SourceFiles.of(path, fmt).get(0);
                step = fmt.reader().read(first).series().stream().mapToLong(x -> x.grid().stepSeconds()).max()
                        .orElseThrow(() -> new IllegalArgumentException("no series in " + first + " to take the grid from; give --freq"));
            } else {
                try (io.prescient.core.store.SeriesStore s = environment.openStore(storeFile, true)) {
                    step = s.list(source).stream().mapToLong(x -> x.grid().stepSeconds()).max()
                            .orElseThrow(() -> new IllegalArgumentException("no file or stored dataset '" + source + "'"));
                }
            }
            freq = io.prescient.core.Steps.format(step);
        }
    }

    public String freq() {
        return freq;
    }

    public int threads() {
        return threads;
    }

    /** One panel per metric, resampled to {@code stepSeconds} with the mean. */
    public Map<String, Panel> load(CliEnvironment environment, Path storeFile, long stepSeconds) {
        return PanelSource.load(source, format, variates, threads, stepSeconds, () -> environment.openStore(storeFile, true));
    }
}
