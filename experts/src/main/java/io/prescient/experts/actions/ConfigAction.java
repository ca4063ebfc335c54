package io.prescient.experts.actions;

import java.time.Instant;

/**
 * One configuration change, whatever log it came from.
 *
 * @param time     when it was made
 * @param account  the account (AWS account id, or Kubernetes namespace)
 * @param resource what was changed (instance id, volume id, autoscaling group, namespace/deployment)
 * @param kind     what kind of change
 * @param from     the setting before, when the log says (else empty)
 * @param to       the setting after (instance type, volume size/type, min/max/desired, a launch template's instance type,
 *                 replicas, requests or limits)
 * @param source   the log it came from: cloudtrail, kubernetes-audit or csv
 */
public record ConfigAction(Instant time, String account, String resource, Kind kind, String from, String to, String source) {

    /** Kinds of configuration change. */
    public enum Kind { INSTANCE_TYPE, VOLUME, AUTOSCALING_BOUNDS, LAUNCH_TEMPLATE, REPLICAS, RESOURCE_REQUESTS, RESOURCE_LIMITS }

    public ConfigAction withAccount(String other) {
        return new ConfigAction(time, other, resource, kind, from, to, source);
    }
}
