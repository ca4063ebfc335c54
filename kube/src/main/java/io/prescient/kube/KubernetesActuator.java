package io.prescient.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.Decision;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the loop's decisions to Kubernetes. For each decision of a workload with a target: reads
 * the target's current replicas (or the HPA's minReplicas), refuses a count that is not finite, is
 * negative or absurd, bounds the wanted count ({@link ReplicaBounds}: min, max, the HPA's own
 * maxReplicas, at most {@code maxStep} from the current count), holds it during the cooldown after a
 * change (the last change is read back from the audit trail on start, so a restart does not reset
 * it), checks the bounds once more right before the write, and, unless dry-run, patches the object.
 * Every request and response, and every decision not sent, is written to the {@link AuditTrail}.
 * Cluster errors are audited and do not stop the loop.
 */
public final class KubernetesActuator implements Actuator {

    private final KubernetesClient client;
    private final Map<String, KubeTarget> targets;
    private final boolean dryRun;
    /** After a dry run finds no cluster, it does not ask again for this long (each try could wait for a timeout). */
    static final java.time.Duration UNREACHABLE_PAUSE = java.time.Duration.ofMinutes(5);
    private Instant unreachableSince;
    private Instant unreachableUntil;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, Instant> lastChange = new HashMap<>();

    /**
     * @throws IllegalArgumentException when two targets name the same workload or the same object
     */
    public KubernetesActuator(KubernetesClient client, List<KubeTarget> targets, boolean dryRun, AuditTrail audit, Clock clock) {
        this.client = client;
        this.targets = new HashMap<>();
        Map<String, KubeTarget> objects = new HashMap<>();
        for (KubeTarget t : targets) {
            KubeTarget before = this.targets.put(t.workload(), t);
            if (before != null) {
                throw new IllegalArgumentException("workload " + t.workload() + " has two targets: " + before.describe() + " and " + t.describe());
            }
            KubeTarget same = objects.put(t.describe(), t);
            if (same != null) {
                throw new IllegalArgumentException(t.describe() + " is the target of two workloads: " + same.workload() + " and " + t.workload());
            }
        }
        this.dryRun = dryRun;
        this.audit = audit;
        this.clock = clock;
        // the cooldown outlives a restart: the last change of each workload is in the audit trail
        for (AuditTrail.Entry e : audit.entries()) {
            if (this.targets.containsKey(e.workload()) && (e.outcome().equals("applied") || dryRun && e.outcome().equals("dry-run"))) {
                lastChange.merge(e.workload(), Instant.parse(e.at()), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    @Override
    public synchronized void apply(Decision d) {
        KubeTarget t = targets.get(d.workload());
        if (t == null) {
            return;
        }
        if (d.held()) {
            record(t, "held", "", "", d.reason());
            return;
        }
        Read read;
        try {
            if (dryRun && unreachableUntil != null && clock.instant().isBefore(unreachableUntil)) {
                throw new KubernetesClientException("the cluster did not answer at " + unreachableSince + "; not asked again before "
                        + unreachableUntil);
            }
            read = read(t);
            unreachableUntil = null;
        } catch (KubernetesClientException | IllegalStateException e) {
            if (dryRun) {
                if (e instanceof KubernetesClientException k && k.getCode() == 0 && unreachableUntil == null) {
                    unreachableSince = clock.instant();
                    unreachableUntil = unreachableSince.plus(UNREACHABLE_PAUSE);
                }
                dryRunUnread(t, d, error(e));
                return;
            }
            record(t, "failed", "GET " + t.describe(), error(e), "cannot read the target; nothing changed");
            throw new ActuationFailed(t.describe() + ": cannot read the target (" + error(e) + "); nothing changed");
        }
        int current = read.current();
        record(t, "read", "GET " + t.describe(), field(t) + " " + current, "current state before deciding");
        ReplicaBounds.Verdict v = ReplicaBounds.bound(t, d.units(), current, read.cap());
        if (v.refused()) {
            record(t, "refused", "", "", v.reason());
            throw new ActuationFailed(t.describe() + ": refused: " + v.reason());
        }
        int bounded = v.replicas();
        if (bounded == current) {
            record(t, "unchanged", "", "", "already " + current + v.reason());
            return;
        }
        Instant now = clock.instant();
        Instant last = lastChange.get(t.workload());
        if (last != null && now.isBefore(last.plus(t.cooldown()))) {
            record(t, "cooldown", "", "", "would set " + current + " -> " + bounded + v.reason() + "; last change at " + last + ", cooldown "
                    + t.cooldown());
            return;
        }
        String request = "PATCH " + t.describe() + " " + field(t) + " " + current + " -> " + bounded;
        ReplicaBounds.requireWithin(t, bounded, read.cap());
        if (dryRun) {
            lastChange.put(t.workload(), now);
            record(t, "dry-run", request, "", d.reason() + v.reason());
            return;
        }
        try {
            HasMetadata after = set(t, bounded, read.cap());
            lastChange.put(t.workload(), now);
            record(t, "applied", request, "ok, " + field(t) + " " + bounded + ", resourceVersion "
                    + after.getMetadata().getResourceVersion(), d.reason() + v.reason());
        } catch (KubernetesClientException e) {
            record(t, "failed", request, error(e), d.reason());
            throw new ActuationFailed(t.describe() + ": " + request + " failed: " + error(e));
        }
    }

    /**
     * A decision the actuator did not carry out, after the audit trail recorded why (the cluster failed, or the decision was
     * refused): the planning loop records it as the round's actuator fault and goes on.
     */
    public static final class ActuationFailed extends IllegalStateException {
        ActuationFailed(String message) {
            super(message);
        }
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    /**
     * A dry run whose target could not be read (no cluster, or not this object): what would be asked for,
     * bounded by [min, max] and the cooldown; the step from the unknown current count cannot be applied.
     */
    private void dryRunUnread(KubeTarget t, Decision d, String why) {
        ReplicaBounds.Verdict v = ReplicaBounds.bound(t, d.units());
        if (v.refused()) {
            record(t, "refused", "", "", v.reason());
            throw new ActuationFailed(t.describe() + ": refused: " + v.reason());
        }
        Instant now = clock.instant();
        Instant last = lastChange.get(t.workload());
        String unread = "; the target could not be read (" + why + "), so the step limit from its current count is not applied";
        if (last != null && now.isBefore(last.plus(t.cooldown()))) {
            record(t, "cooldown", "", "", "would set " + v.replicas() + v.reason() + "; last change at " + last + ", cooldown "
                    + t.cooldown() + unread);
            return;
        }
        lastChange.put(t.workload(), now);
        record(t, "dry-run", "PATCH " + t.describe() + " " + field(t) + " ? -> " + v.replicas(), "", d.reason() + v.reason() + unread);
    }

    private static String field(KubeTarget t) {
        return t.kind() == KubeTarget.Kind.HPA_MIN_REPLICAS ? "minReplicas" : "replicas";
    }

    private static String error(RuntimeException e) {
        return e instanceof KubernetesClientException k ? "HTTP " + k.getCode() + ": " + k.getMessage() : e.getMessage();
    }

    /** What one GET of the target says: the count in place and the most the object itself allows (an HPA's maxReplicas). */
    private record Read(int current, int cap) {
    }

    /**
     * Client settings for the actuator: the usual configuration (KUBECONFIG, ~/.kube/config or in-cluster);
     * for a dry run, no request retries and short timeouts, so that a machine with no cluster gets its
     * dry-run audit at once instead of after the client's backoff.
     */
    public static io.fabric8.kubernetes.client.Config clientConfig(boolean dryRun) {
        io.fabric8.kubernetes.client.Config c = io.fabric8.kubernetes.client.Config.autoConfigure(null);
        if (dryRun) {
            c.setRequestRetryBackoffLimit(0);
            c.setConnectionTimeout(2_000);
            c.setRequestTimeout(5_000);
        }
        return c;
    }

    private Read read(KubeTarget t) {
        return switch (t.kind()) {
            case DEPLOYMENT -> new Read(replicas(deployment(t).getSpec().getReplicas()), Integer.MAX_VALUE);
            case STATEFULSET -> new Read(replicas(statefulSet(t).getSpec().getReplicas()), Integer.MAX_VALUE);
            case HPA_MIN_REPLICAS -> {
                HorizontalPodAutoscaler h = hpa(t);
                yield new Read(replicas(h.getSpec().getMinReplicas()), h.getSpec().getMaxReplicas());
            }
        };
    }

    private static int replicas(Integer value) {
        return value == null ? 1 : value;
    }

    private Deployment deployment(KubeTarget t) {
        Deployment d = client.apps().deployments().inNamespace(t.namespace()).withName(t.name()).get();
        if (d == null) {
            throw new IllegalStateException("no " + t.describe());
        }
        return d;
    }

    private StatefulSet statefulSet(KubeTarget t) {
        StatefulSet s = client.apps().statefulSets().inNamespace(t.namespace()).withName(t.name()).get();
        if (s == null) {
            throw new IllegalStateException("no " + t.describe());
        }
        return s;
    }

    private HorizontalPodAutoscaler hpa(KubeTarget t) {
        HorizontalPodAutoscaler h = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(t.namespace()).withName(t.name()).get();
        if (h == null) {
            throw new IllegalStateException("no " + t.describe());
        }
        return h;
    }

    private HasMetadata set(KubeTarget t, int replicas, int cap) {
        ReplicaBounds.requireWithin(t, replicas, cap);
        return switch (t.kind()) {
            case DEPLOYMENT -> client.apps().deployments().inNamespace(t.namespace()).withName(t.name()).edit(d -> {
                d.getSpec().setReplicas(replicas);
                return d;
            });
            case STATEFULSET -> client.apps().statefulSets().inNamespace(t.namespace()).withName(t.name()).edit(s -> {
                s.getSpec().setReplicas(replicas);
                return s;
            });
            case HPA_MIN_REPLICAS -> client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(t.namespace()).withName(t.name())
                    .edit(h -> {
                        h.getSpec().setMinReplicas(replicas);
                        return h;
                    });
        };
    }

    private void record(KubeTarget t, String outcome, String request, String response, String reason) {
        audit.append(new AuditTrail.Entry(clock.instant().toString(), t.workload(), t.describe(), outcome, request, response, reason));
    }
}
