package io.prescient.cli;

import io.prescient.forecast.History;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.config.LoopConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loop's configuration for one series, as {@code plan} and {@code forecast} build it from their options. */
final class OneSeries {

    private OneSeries() {
    }

    /** A one-workload loop config over {@code input}'s data (already resolved), round every step. */
    static LoopConfig config(PanelOptions input, String item, String metric, int horizon, double percentile, String model, int paths,
                             Optional<Path> scenarios, CapacityModel capacity, double unitPrice, Map<String, String> covariateSources,
                             long seed) {
        return new LoopConfig(new LoopConfig.Source(input.source(), input.format, input.freq(),
                input.variates == null ? List.of() : input.variates, LoopConfig.Defaults.LOOKBACK_SECONDS, Optional.empty()), 1, horizon, percentile, model, paths,
                scenarios, new LoopConfig.Actuator("dry-run", Optional.empty()), List.of(new LoopConfig.Workload(item,
                Optional.ofNullable(metric), 1, capacity, Optional.empty(), covariateSources, Optional.empty(), unitPrice)), Optional.empty(),
                Optional.empty(), new LoopConfig.Monitor(LoopConfig.Defaults.MONITOR_WINDOW,
                LoopConfig.Defaults.minCoverage(percentile)), seed, LoopConfig.Defaults.CURRENCY, Optional.empty());
    }

    /**
     * The other columns of a wide file beside the selected series (items of its metric in its dataset), offered as
     * covariates when the workload reads none: a model that reads covariates (dynreg, the networks) can learn from them.
     */
    static Optional<String> covariateHint(PanelOptions input, Map<String, io.prescient.core.Panel> panels, LoopAssembly.Selected selected) {
        if (!selected.covariates().isEmpty() || !"csv".equalsIgnoreCase(input.format) || !Files.isRegularFile(Path.of(input.source()))) {
            return Optional.empty();
        }
        io.prescient.core.SeriesKey key = selected.series().key();
        io.prescient.core.Panel own = panels.get(key.metric());
        List<String> others = own == null ? List.of() : own.series().stream().map(io.prescient.core.RegularSeries::key)
                .filter(k -> k.dataset().equals(key.dataset()) && !k.item().equals(key.item())).map(io.prescient.core.SeriesKey::item)
                .limit(20).toList();
        if (others.isEmpty() || others.size() > 10) {
            return Optional.empty();
        }
        return Optional.of("other columns beside " + key.item() + ": " + String.join(", ", others) + " (add --covariates "
                + others.get(0) + " --model dynreg to let the model read them)");
    }

    /** Whether the series or the model comes from the store (a dataset name, or a champion). */
    static boolean needsStore(PanelOptions input, String model) {
        return !Files.exists(Path.of(input.source())) || model.startsWith(LoopAssembly.CHAMPION_PREFIX);
    }

    /** The selected series' history, cut at {@code at} (ISO time; null: the end of the data). */
    static History asOf(LoopAssembly.Selected selected, String at) {
        History history = selected.history();
        if (at == null) {
            return history;
        }
        long origin = Instant.parse(at).getEpochSecond();
        long steps = Math.floorDiv(origin - selected.series().grid().start(), selected.series().grid().stepSeconds());
        return history.head((int) Math.max(0, Math.min(history.length(), steps)));
    }
}
