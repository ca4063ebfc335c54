package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.Steps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code prescient export}: the gridded panel as one wide CSV, for other tools (R, Python, spreadsheets). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the series on the chosen grid as a wide CSV: timestamp (Unix seconds, start of the step), "
                + "then one column per series named item/metric; missing steps are empty. The generic CSV reader reads "
                + "it back (--format csv)."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    PanelOptions input;

    @Option(names = "--out", required = true, description = "The CSV file to write.")
    Path out;

    private final CliEnvironment environment;

    public ExportCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        input.resolve(environment, store.file());
        long step = Steps.parseSeconds(input.freq());
        List<RegularSeries> series = new ArrayList<>();
        for (Panel p : input.load(environment, store.file(), step).values()) {
            series.addAll(p.series());
        }
        Panel panel = Panel.aligned(series);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder("timestamp");
            for (RegularSeries s : panel.series()) {
                line.append(',').append(s.key().item()).append('/').append(s.key().metric());
            }
            w.write(line.toString());
            w.newLine();
            double[][] values = panel.series().stream().map(RegularSeries::values).toArray(double[][]::new);
            for (int t = 0; t < panel.grid().length(); t++) {
                line.setLength(0);
                line.append(panel.grid().start() + t * panel.grid().stepSeconds());
                for (double[] v : values) {
                    line.append(',');
                    if (!Double.isNaN(v[t])) {
                        line.append(v[t]);
                    }
                }
                w.write(line.toString());
                w.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + tmp + " to " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("wrote %d series x %d steps of %s to %s%n", panel.series().size(),
                panel.grid().length(), input.freq(), out);
        return 0;
    }
}
