package io.prescient.plan.config;

import io.prescient.plan.capacity.CapacityModel;

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
 */
public record LoopConfig(Source source, int every, int horizon, double percentile, String model, int paths,
                         Optional<Path> scenarios, Actuator actuator, List<Workload> workloads, Optional<Long> from,
                         Optional<Long> until, Monitor monitor) {

    public LoopConfig {
        workloads = List.copyOf(workloads);
    }

    /**
     * Raw files (path + format), a dataset in the store (path = its name), or a Prometheus server
     * (format {@code prometheus}, path = its URL; each workload names its PromQL query).
     *
     * @param lookbackSeconds Prometheus: history read before now
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
    public record Workload(String series, Optional<String> metric, int limit, CapacityModel capacity, Optional<String> query,
                           java.util.Map<String, String> covariates) {
        public Workload {
            covariates = java.util.Map.copyOf(covariates);
        }
    }

    public record Actuator(String type, Optional<Path> path) {
    }

    /** Drift when the provisioned percentile's coverage over the last {@code window} forecasts falls below {@code minCoverage}. */
    public record Monitor(int window, double minCoverage) {
    }
}
