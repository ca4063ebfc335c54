package io.prescient.plan.config;

import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.loop.LoopSettings;
import io.prescient.plan.montecarlo.SimulationSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The planning loop's configuration ({@code prescient.yaml}), validated.
 *
 * @param source     where demand comes from: raw files or a stored dataset, with format, grid and metrics
 * @param every      steps between planning rounds
 * @param horizon    steps forecast and planned
 * @param percentile demand percentile provisioned for
 * @param model      forecasting model name
 * @param paths      simulated futures per step
 * @param scenarios  scenario file, resolved against the config's directory
 * @param actuator   {@code dry-run} or {@code file} (with its path)
 * @param workloads  the workloads, each with its capacity rules
 * @param from       simulated clock: first decision time (epoch seconds), if set
 * @param until      simulated clock: time to stop before, if set
 * @param monitor    rolling accuracy monitor
 * @param seed       the Monte Carlo's seed: the same seed, data and model give the same decisions
 * @param currency   what unit prices ({@code capacity.unit_price}) are in
 * @param feedback   the organisation's feedback history the server's feedback page analyses, if configured
 */
public record LoopConfig(Source source, int every, int horizon, double percentile, String model, int paths,
                         Optional<Path> scenarios, Actuator actuator, List<Workload> workloads, Optional<Long> from,
                         Optional<Long> until, Monitor monitor, long seed, String currency, Optional<Feedback> feedback) {

    public LoopConfig {
        workloads = List.copyOf(workloads);
    }

    /**
     * Every default of the loop: the config file's, and those of the commands and routes that build a
     * loop from options ({@code plan}, {@code forecast}, the what-if), so a key left out means the same
     * everywhere.
     */
    public static final class Defaults {
        public static final String FORMAT = "csv";
        public static final String FREQ = "5m";
        public static final long LOOKBACK_SECONDS = 7 * 86_400L;
        public static final int EVERY = 1;
        public static final int HORIZON = 48;
        public static final double PERCENTILE = 0.95;
        /**
         * Per series, the ensemble or the mixture (half the ensemble, a quarter each of analog and recent),
         * whichever its own last two horizons (up to the last whole hour) score better: the mixture's gain on bursty and batch demand
         * without its day-blind members widening a daily workload's nights (docs/benchmarks.md).
         */
        public static final String MODEL = "ensemble|mixture";
        /** Models a drift cycle validates against the serving one; the default among them, so a promotion can bring it back. */
        public static final String CHALLENGERS = MODEL + ",ensemble,ets,seasonal-naive";
        public static final int PATHS = 2000;
        public static final int SEED = 42;
        public static final int MONITOR_WINDOW = 24;
        /** The monitor's floor sits this far below the provisioned percentile. */
        public static final double COVERAGE_SLACK = 0.10;
        public static final double UNIT_CAPACITY = 1000;
        public static final double TARGET_UTILISATION = 0.7;
        public static final int MIN_UNITS = 1;
        public static final int MAX_UNITS = 1000;
        public static final int MAX_STEP = 10;
        public static final int COOLDOWN = 6;
        public static final int LEAD = 2;
        /** No price: costs are shown in unit-hours only. */
        public static final double UNIT_PRICE = Double.NaN;
        public static final String CURRENCY = "USD";

        private Defaults() {
        }

        /** The monitor's default floor for a percentile. */
        public static double minCoverage(double percentile) {
            return Math.max(0, percentile - COVERAGE_SLACK);
        }
    }

    /** The grid step, from {@code source.freq}. */
    public long stepSeconds() {
        return io.prescient.core.Steps.parseSeconds(source.freq());
    }

    /** Seconds between live rounds: {@code every} steps of the grid. */
    public long roundSeconds() {
        return every * stepSeconds();
    }

    /** Steps per day on the grid: the one season every model, covariate future and data check of the loop uses. */
    public int season() {
        return LoopSettings.season(stepSeconds());
    }

    /**
     * How each planning step runs: the config's horizon, percentile and futures, the grid's season, and the
     * loop's fixed rules (hold after 6 missing steps or a day more than 20% missing; the config's seed, neighbouring
     * steps' correlation 0.9 where a model states none, 16 covariate draws, one thread per workload).
     */
    public LoopSettings settings() {
        return new LoopSettings(horizon, percentile, season(), 6, 0.2, SimulationSettings.of(paths, seed));
    }

    /**
     * Raw files (path + format), a dataset in the store (path = its name), or a Prometheus server
     * (format {@code prometheus}, path = its URL; each workload names its PromQL query).
     *
     * @param lookbackSeconds Prometheus: history read back from the last whole hour before now
     * @param authEnv         Prometheus: environment variable holding the Authorization header's value, if any
     */
    public record Source(String path, String format, String freq, List<String> metrics, long lookbackSeconds, Optional<String> authEnv) {
        public Source {
            metrics = List.copyOf(metrics);
        }

        public boolean prometheus() {
            return format.equalsIgnoreCase("prometheus");
        }
    }

    /**
     * {@code series} is an item id, or {@code *} for every series of the source (up to {@code limit});
     * {@code query} is its PromQL when the source is Prometheus. {@code covariates} name the
     * application signals the model may learn from (e.g. active users), each read like the demand:
     * the PromQL for a Prometheus source, else the metric of the same item in the source.
     */
    /** @param scenarios the workload's own scenario file, simulated besides the config's */
    /** @param unitPrice price of one unit for one hour, in the config's currency (NaN: none configured) */
    public record Workload(String series, Optional<String> metric, int limit, CapacityModel capacity, Optional<String> query,
                           java.util.Map<String, String> covariates, Optional<Path> scenarios, double unitPrice) {
        public Workload {
            covariates = java.util.Map.copyOf(covariates);
        }
    }

    public record Actuator(String type, Optional<Path> path) {
    }

    /**
     * An organisation's history for feedback-aware planning ({@code prescient feedback --history}'s
     * file or directory), with the options the feedback commands take.
     *
     * @param columns  header names for roles whose header is not a known name ({@code demand=gpu_hours,...}), or empty
     * @param launches a launch calendar file apart from the history's, if any
     */
    public record Feedback(Path history, String columns, Optional<Path> launches, double warning, double emergency) {
    }

    /** Drift when the provisioned percentile's coverage over the last {@code window} forecasts falls below {@code minCoverage}. */
    public record Monitor(int window, double minCoverage) {
    }
}
