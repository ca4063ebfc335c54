package io.prescient.flink;

/**
 * One observation of a workload's demand, as it arrives: JSON {@code {"workload": "web/requests", "time": 1375315200, "value": 212.5}}
 * (time in epoch seconds, on the workload's grid).
 */
public record MetricPoint(String workload, long time, double value) {
}
