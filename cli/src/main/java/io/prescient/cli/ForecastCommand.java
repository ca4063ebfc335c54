package io.prescient.cli;

import io.prescient.core.Steps;
import io.prescient.core.store.SeriesStore;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.loop.PlanningStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code prescient forecast}: one series' probabilistic forecast from the end of its data, as the
 * planning loop makes it (the same assembly as {@code plan}: model, covariates, scenarios), printed
 * as quantiles per step and written as CSV or JSON.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecasts one series from the end of its data (or --at) with the loop's model and prints its quantiles per "
                + "step; --out writes every step as CSV (time,q0.1,...), --output json prints JSON."})
public final class ForecastCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    PanelOptions input;

    @Mixin
    CovariateOptions covariates;

    @Option(names = "--series", required = true, description = "The series: its item id.")
    String item;

    @Option(names = "--metric", description = "Its metric (default: the first loaded).")
    String metric;

    @Option(names = "--horizon", defaultValue = "1d", description = "How far ahead: a duration (1d, 6h) or a number of steps "
            + "(default: ${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--model", defaultValue = LoopConfig.Defaults.MODEL, completionCandidates = Registered.ModelNames.class,
            description = "Model, of ${COMPLETION-CANDIDATES}, or champion:<scope> (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--at", description = "Forecast origin (ISO time); data from it on is not used (default: the end of the data).")
    String at;

    @Option(names = "--levels", split = ",", defaultValue = "0.1,0.5,0.9,0.95,0.99", description = "Quantile levels "
            + "(default: ${DEFAULT-VALUE}).")
    List<Double> levels;

    @Option(names = "--paths", defaultValue = "1000", description = "Simulated futures, where covariates are drawn (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--rows", description = "Print at most this many steps, evenly spaced (default: every step).")
    Integer rows;

    @Option(names = "--out", description = "Write every step's quantiles to this CSV file.")
    Path out;

    @picocli.CommandLine.Mixin
    OutputOption output;

    private final CliEnvironment environment;

    public ForecastCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Steps in {@code horizon}: a plain count, or a duration over the grid's step. */
    static int steps(String horizon, long stepSeconds) {
        if (horizon.matches("\\d+")) {
            return Integer.parseInt(horizon);
        }
        long seconds = Steps.parseSeconds(horizon);
        if (seconds < stepSeconds || seconds % stepSeconds != 0) {
            throw new IllegalArgumentException("--horizon " + horizon + " is not a whole number of the grid's " + stepSeconds
                    + " s steps");
        }
        return (int) (seconds / stepSeconds);
    }

    @Override
    public Integer call() {
        output.json();
        input.resolve(environment, store.file());
        covariates.addTo(input);
        int h = steps(horizon, Steps.parseSeconds(input.freq()));
        Map<String, String> covariateSources = new java.util.TreeMap<>();
        covariates.names().forEach(c -> covariateSources.put(c, c));
        // capacity plays no part in a forecast: a model without bounds that would change it
        LoopConfig c = OneSeries.config(input, item, metric, h, LoopConfig.Defaults.PERCENTILE, model, paths, Optional.empty(),
                new CapacityModel(1, 1, 0, Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2, 0, 0, false), LoopConfig.Defaults.UNIT_PRICE,
                covariateSources, LoopConfig.Defaults.SEED);
        try (SeriesStore st = OneSeries.needsStore(input, model) ? environment.openStore(store.file(), true) : null) {
            return forecast(new LoopAssembly(c, Path.of("--series " + item), environment.variables(), Optional.ofNullable(st)));
        }
    }

    private int forecast(LoopAssembly assembly) {
        PrintWriter console = spec.commandLine().getOut();
        Map<String, io.prescient.core.Panel> panels = assembly.read(Instant.now().getEpochSecond(), input.threads());
        LoopAssembly.Selected selected = assembly.select(panels).get(0);
        if (!output.json()) {
            OneSeries.covariateHint(input, panels, selected).ifPresent(console::println);
        }
        History history = OneSeries.asOf(selected, at);
        ServedModel served = assembly.configuredModel(List.of(history), line -> {
            if (!output.json()) {
                console.println(line);
            }
        });
        PlanningStep step = assembly.step(selected, served);
        step.dataProblem(history).ifPresent(p -> {
            throw new IllegalArgumentException(selected.series().key() + ": " + p + "; no forecast (give an earlier --at)");
        });
        Forecast f = step.simulate(history, step.scenarios()).forecast();
        double[][] q = new double[levels.size()][];
        for (int k = 0; k < levels.size(); k++) {
            q[k] = f.quantile(levels.get(k));
        }
        String unit = selected.series().info().unit().symbol();
        if (out != null) {
            write(out, f, q);
        }
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("series", selected.series().key().toString());
            json.put("unit", unit);
            json.put("model", served.id());
            json.put("step_seconds", f.grid().stepSeconds());
            json.put("levels", levels);
            long[] times = new long[f.grid().length()];
            for (int t = 0; t < times.length; t++) {
                times[t] = f.grid().timeAt(t);
            }
            json.put("times", times);
            json.put("quantiles", q);
            output.print(console, json);
            return 0;
        }
        console.printf(Locale.ROOT, "%s [%s]  model %s  origin %s  %d steps of %s%n", selected.series().key(), unit, served.id(),
                Instant.ofEpochSecond(f.grid().start()), f.grid().length(), input.freq());
        List<String> header = new ArrayList<>(List.of("step", "time"));
        levels.forEach(l -> header.add("q" + trim(l) + " [" + unit + "]"));
        boolean[] right = new boolean[header.size()];
        java.util.Arrays.fill(right, true);
        right[1] = false;
        TextTable table = new TextTable(header, right);
        int every = rows == null || rows < 1 ? 1 : (int) Math.ceil(f.grid().length() / (double) rows);
        for (int t = 0; t < f.grid().length(); t += every) {
            List<Object> row = new ArrayList<>(List.of(t + 1, Instant.ofEpochSecond(f.grid().timeAt(t))));
            for (double[] level : q) {
                row.add(String.format(Locale.ROOT, "%.2f", level[t]));
            }
            table.add(row.toArray());
        }
        table.print(console);
        if (every > 1) {
            console.printf(Locale.ROOT, "(every %d steps of %d shown; --rows to change)%n", every, f.grid().length());
        }
        if (out != null) {
            console.println("wrote " + out);
        }
        return 0;
    }

    private void write(Path file, Forecast f, double[][] q) {
        StringBuilder b = new StringBuilder("time");
        levels.forEach(l -> b.append(",q").append(trim(l)));
        b.append('\n');
        for (int t = 0; t < f.grid().length(); t++) {
            b.append(Instant.ofEpochSecond(f.grid().timeAt(t)));
            for (double[] level : q) {
                b.append(',').append(level[t]);
            }
            b.append('\n');
        }
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String trim(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
