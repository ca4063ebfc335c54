package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.core.Steps;
import io.prescient.forecast.registry.ModelTrainer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data, grid, scope and validation windows that {@code model train} and {@code model cycle} share. */
public final class TrainingOptions {

    @Mixin
    PanelOptions input;

    @Mixin
    CovariateOptions covariates;

    @Mixin
    PretrainedOption pretrained;

    @Option(names = "--horizon", defaultValue = "48", description = "Steps per validation window (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--windows", defaultValue = "2", description = "Held-back validation windows at the end of the data "
            + "(default: ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--scope", description = "Registry scope (default: <dataset>@<freq>, e.g. 2013-8@1h).")
    String scope;

    String scope() {
        if (scope != null) {
            return scope;
        }
        Path p = Path.of(input.source());
        String name = p.getFileName() == null ? input.source() : p.getFileName().toString();
        return name + "@" + input.freq();
    }

    /** The pretrained models' artifact and budget (--from, --tune) while training; close it after. */
    PretrainedOption.Scope pretrainedModels() {
        return pretrained.apply();
    }

    ModelTrainer trainer() {
        long step = Steps.parseSeconds(input.freq());
        int season = Steps.season(step);
        return new ModelTrainer(new ModelTrainer.Settings(step, season, horizon, windows, input.threads()), Clock.systemUTC());
    }

    /** The panels to train on, with their series' covariates (none without --covariates). */
    record Data(List<Panel> panels, io.prescient.forecast.eval.Backtest.Covariates covariates) {
    }

    Data data(CliEnvironment environment, Path storeFile, java.io.PrintWriter console) {
        input.resolve(environment, storeFile);
        covariates.addTo(input);
        CovariateOptions.Split split = covariates.split(input.load(environment, storeFile, Steps.parseSeconds(input.freq())),
                input.source(), console);
        return new Data(new ArrayList<>(split.targets().values()),
                covariates.names().isEmpty() ? io.prescient.forecast.eval.Backtest.Covariates.NONE : split.covariates());
    }

    Map<String, Object> provenance(String command) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", input.source());
        p.put("freq", input.freq());
        p.put("command", command);
        if (!covariates.names().isEmpty()) {
            p.put("covariates", covariates.names());
        }
        p.put("release", VersionCommand.version());
        return p;
    }
}
