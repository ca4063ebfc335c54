package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.forecast.eval.ForecastFile;
import io.prescient.forecast.eval.ForecastTask;
import io.prescient.forecast.eval.ProtocolFiles;
import io.prescient.forecast.eval.Rescore;
import io.prescient.forecast.eval.Scores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code prescient score}: scores a protocol forecast file made by any tool, with the backtest's metrics. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores a forecast file (item_id,variate,window,step,q0.1..q0.9[,mean]) against the data with "
                + "the protocol's windows and metrics. Only the (item, variate, window) triples in the file are scored, "
                + "so two files can be compared on the same subset."})
public final class ScoreCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    PanelOptions input;

    @Option(names = "--term", defaultValue = "short", description = "short, medium or long (default: ${DEFAULT-VALUE}).")
    String term;

    @Option(names = "--horizon", description = "Override the term's horizon H.")
    Integer horizon;

    @Option(names = "--forecasts", required = true, description = "The forecast file to score.")
    Path forecasts;

    @Option(names = "--out", description = "Also write the metrics as JSON to this file.")
    Path out;

    @picocli.CommandLine.Mixin
    OutputOption output;

    private final CliEnvironment environment;

    public ScoreCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        boolean asJson = output.json();
        input.resolve(environment, store.file());
        PrintWriter console = asJson ? spec.commandLine().getErr() : spec.commandLine().getOut();
        ForecastTask task = ForecastTask.of(input.freq(), term);
        if (horizon != null) {
            task = task.withHorizon(horizon);
        }
        Map<ForecastFile.Key, double[][]> read = ForecastFile.read(forecasts, task.horizon());
        Scores total = new Scores();
        int windows = 0;
        for (Panel panel : input.load(environment, store.file(), task.stepSeconds()).values()) {
            Rescore.Result r = Rescore.score(task, panel, s -> s.key().metric(), read, forecasts.toString());
            total.plus(r.scores());
            windows += r.windowsScored();
        }
        if (windows < read.size()) {
            console.printf(Locale.ROOT, "note: %d of %d forecast windows match no series or window of the data and were "
                    + "not scored%n", read.size() - windows, read.size());
        }
        console.printf(Locale.ROOT, "%s  %s  windows scored %d  points %d%n", task.name(), forecasts, windows, total.points());
        console.printf(Locale.ROOT, "MASE %.4f  CRPS %.4f  MAE %.4f  coverage80 %.4f%n", total.mase(), total.crps(),
                total.mae(), total.coverage80());
        if (out != null || asJson) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("task", task.name());
            json.put("forecasts", forecasts.toString());
            json.put("dataset", input.source());
            json.put("windows_scored", windows);
            json.put("points", total.points());
            json.put("MASE", total.mase());
            json.put("CRPS", total.crps());
            json.put("MAE", total.mae());
            json.put("coverage_80", total.coverage80());
            if (out != null) {
                ProtocolFiles.writeJson(out, json);
            }
            if (asJson) {
                output.print(spec.commandLine().getOut(), json);
            }
        }
        return 0;
    }
}
