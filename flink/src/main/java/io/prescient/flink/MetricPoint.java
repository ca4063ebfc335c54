package io.prescient.flink;

/**
 * One observation of a workload's demand, or of one of its covariates, as it arrives: JSON
 * {@code {"workload": "web/requests", "time": 1375315200, "value": 212.5}} (time in epoch seconds, on
 * the workload's grid), with {@code "covariate": "active_users"} for a covariate the config names
 * for the workload (its points are keyed by the workload too, so they meet its demand).
 *
 * @param covariate the covariate's name, or empty for the demand itself
 */
public record MetricPoint(String workload, long time, double value, String covariate) {

    public MetricPoint {
        covariate = covariate == null ? "" : covariate;
    }

    /** A demand point. */
    public MetricPoint(String workload, long time, double value) {
        this(workload, time, value, "");
    }

    public boolean demand() {
        return covariate.isEmpty();
    }
}
