package io.prescient.kube;

import java.time.Duration;

/**
 * Where one workload's capacity lives in the cluster and the bounds Prescient keeps to.
 *
 * @param workload    the loop's workload name
 * @param kind        what is set
 * @param minReplicas never below this
 * @param maxReplicas never above this (for an HPA also never above its own maxReplicas)
 * @param maxStep     most replicas added or removed by one change
 * @param cooldown    least time between two changes of the target
 * @param allowScaleToZero whether a minimum of 0 is meant (scale to zero loses the pods that take the first
 *                    requests back, KEDA issue 1850): refused unless set
 */
public record KubeTarget(String workload, Kind kind, String namespace, String name, int minReplicas, int maxReplicas, int maxStep,
                         Duration cooldown, boolean allowScaleToZero) {

    /** What a decision sets. */
    public enum Kind {
        DEPLOYMENT, STATEFULSET, HPA_MIN_REPLICAS;

        public static Kind parse(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT).replace("_", "-")) {
                case "deployment" -> DEPLOYMENT;
                case "statefulset" -> STATEFULSET;
                case "hpa", "hpa-min-replicas" -> HPA_MIN_REPLICAS;
                default -> throw new IllegalArgumentException("kind must be deployment, statefulset or hpa, got '" + text + "'");
            };
        }
    }

    public KubeTarget {
        if (minReplicas < 0 || maxReplicas < Math.max(1, minReplicas) || maxStep < 1 || cooldown.isNegative()) {
            throw new IllegalArgumentException("target " + namespace + "/" + name + " of workload " + workload
                    + ": need 0 <= min_replicas <= max_replicas, max_replicas >= 1, max_step >= 1 and a cooldown >= 0");
        }
        if (minReplicas == 0 && !allowScaleToZero) {
            throw new IllegalArgumentException("target " + namespace + "/" + name + " of workload " + workload
                    + ": min_replicas 0 lets it scale to zero; set allow_scale_to_zero: true if that is meant");
        }
    }

    /** A target that never scales to zero. */
    public KubeTarget(String workload, Kind kind, String namespace, String name, int minReplicas, int maxReplicas, int maxStep,
                      Duration cooldown) {
        this(workload, kind, namespace, name, minReplicas, maxReplicas, maxStep, cooldown, false);
    }

    /** {@code kind namespace/name} for messages and the audit. */
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + namespace + "/" + name;
    }
}
