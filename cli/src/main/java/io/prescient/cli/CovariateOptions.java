package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.forecast.eval.ItemCovariates;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --covariates a,b}: metrics of the same item that models read as covariates, shared by
 * {@code backtest}, {@code plan} and {@code model train|cycle}, so each loads and splits them alike.
 */
public final class CovariateOptions {

    @Option(names = "--covariates", split = ",", paramLabel = "<metric>",
            description = "Metrics of the same item the model reads as covariates (e.g. requests beside gpu_duty_cycle): their "
                    + "past, and their future as their own forecasts draw it (dynreg, lstm and transformer read them).")
    List<String> names = List.of();

    public List<String> names() {
        return names;
    }

    /** Makes {@code input} load the covariates too when it names its metrics. */
    void addTo(PanelOptions input) {
        if (input.variates != null && !names.isEmpty()) {
            List<String> metrics = new ArrayList<>(input.variates);
            names.stream().filter(c -> !metrics.contains(c)).forEach(metrics::add);
            input.variates = metrics;
        }
    }

    /** The panels to forecast and their series' covariates. */
    record Split(Map<String, Panel> targets, ItemCovariates covariates) {
    }

    /**
     * Takes the covariates' panels out of {@code loaded}; series whose item lacks one are left out, and
     * the count said on {@code console}.
     *
     * @throws IllegalArgumentException for a covariate that is not among the metrics, or when nothing is left to forecast
     */
    Split split(Map<String, Panel> loaded, String source, PrintWriter console) {
        Map<String, Panel> targets = new LinkedHashMap<>(loaded);
        Map<String, Panel> covariatePanels = new TreeMap<>();
        for (String c : names) {
            Panel p = targets.remove(c);
            if (p == null) {
                throw new IllegalArgumentException("covariate " + c + ": no such metric in " + source + "; it has " + loaded.keySet());
            }
            covariatePanels.put(c, p);
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no metric left to forecast beside the covariates " + names);
        }
        ItemCovariates covariates = new ItemCovariates(covariatePanels);
        if (!names.isEmpty()) {
            int before = targets.values().stream().mapToInt(p -> p.series().size()).sum();
            targets.replaceAll((metric, p) -> covariates.covered(p));
            targets.values().removeIf(p -> p.series().isEmpty());
            int after = targets.values().stream().mapToInt(p -> p.series().size()).sum();
            if (after == 0) {
                throw new IllegalArgumentException("no series has the covariates " + names + " for its item");
            }
            if (after < before) {
                console.printf(Locale.ROOT, "%d of %d series have no %s series for their item and are left out%n", before - after,
                        before, String.join("/", names));
            }
        }
        return new Split(targets, covariates);
    }
}
