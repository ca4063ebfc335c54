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
            description = "A file or directory of raw files (read with --format), or the name of a dataset in the store.")
    String source;

    @Option(names = {"-f", "--format"}, defaultValue = "gwa", description = "Format of raw files (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--freq", defaultValue = "5m", description = "Grid: 5m, 1h, ... Coarser than the data: "
            + "each series is resampled with the mean of each bin (default: ${DEFAULT-VALUE}).")
    String freq;

    @Option(names = "--variates", split = ",", description = "Metrics, each as its own series "
            + "(default for gwa: cpu_usage_mhz,cpu_usage_pct; otherwise every metric).")
    List<String> variates;

    @Option(names = "--threads", description = "Threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    public String source() {
        return source;
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
