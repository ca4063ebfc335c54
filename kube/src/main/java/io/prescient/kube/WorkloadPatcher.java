package io.prescient.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a recommended change to a Kubernetes workload: its replicas, or one container's resource
 * requests (the decisions an HPA or a VPA makes). Reads the object first; brings the change within
 * the bounds (replicas within [min, max], every value within a factor {@code maxRatio} of the current
 * one: a larger move goes as far as the bound allows, and says so, as a VPA moves in steps); refuses
 * a change to an object or container that is not there; then, unless dry-run, patches it. Every
 * change, refused, dry-run or applied, goes to the {@link AuditTrail}.
 */
public final class WorkloadPatcher {

    /**
     * @param maxRatio the most a value may grow or shrink in one change (2: between half and double)
     */
    public record Bounds(int minReplicas, int maxReplicas, double maxRatio) {

        public Bounds {
            if (minReplicas < 0 || maxReplicas < minReplicas || !(maxRatio >= 1)) {
                throw new IllegalArgumentException("bounds need 0 <= min replicas <= max replicas and a ratio >= 1");
            }
        }
    }

    /**
     * A change: {@code replicas}, or a container's {@code requests} (resource name to quantity, e.g. cpu=500m).
     *
     * @param kind deployments or statefulsets
     */
    public record Change(String namespace, String kind, String name, Integer replicas, String container, Map<String, String> requests) {

        public Change {
            requests = requests == null ? Map.of() : Map.copyOf(requests);
            if ((replicas == null) == requests.isEmpty()) {
                throw new IllegalArgumentException("a change sets replicas or a container's requests, one of them");
            }
            if (!kind.equals("deployments") && !kind.equals("statefulsets")) {
                throw new IllegalArgumentException("a change targets deployments or statefulsets, not " + kind);
            }
        }

        String object() {
            return namespace + "/" + kind + "/" + name;
        }
    }

    /** A change the bounds, or the cluster, refused (audited first). */
    public static final class Refused extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final KubernetesClient client;
    private final boolean dryRun;
    private final Bounds bounds;
    private final AuditTrail audit;
    private final Clock clock;

    public WorkloadPatcher(KubernetesClient client, boolean dryRun, Bounds bounds, AuditTrail audit, Clock clock) {
        this.client = client;
        this.dryRun = dryRun;
        this.bounds = bounds;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** @return what was done, for the recommendation's audit log */
    public synchronized String apply(Change asked) {
        Change c = asked;
        String request = c.replicas() != null ? "replicas=" + c.replicas() : c.container() + " requests " + c.requests();
        PodSpec pod;
        int current;
        try {
            if (c.kind().equals("deployments")) {
                Deployment d = client.apps().deployments().inNamespace(c.namespace()).withName(c.name()).get();
                pod = d == null ? null : d.getSpec().getTemplate().getSpec();
                current = d == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
            } else {
                StatefulSet s = client.apps().statefulSets().inNamespace(c.namespace()).withName(c.name()).get();
                pod = s == null ? null : s.getSpec().getTemplate().getSpec();
                current = s == null || s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
            }
        } catch (KubernetesClientException e) {
            throw refuse(c, request, "the cluster did not answer: " + e.getMessage());
        }
        if (pod == null) {
            throw refuse(c, request, "no " + c.object() + " in the cluster");
        }
        String before;
        List<String> bounded = new ArrayList<>();
        if (c.replicas() != null) {
            int wanted = (int) Math.round(clamp(current, c.replicas()));
            wanted = Math.max(bounds.minReplicas(), Math.min(bounds.maxReplicas(), wanted));
            if (wanted != c.replicas()) {
                bounded.add("replicas " + c.replicas() + " bounded to " + wanted);
            }
            c = new Change(c.namespace(), c.kind(), c.name(), wanted, null, null);
            before = "replicas=" + current;
        } else {
            String name = c.container();
            Container container = pod.getContainers().stream().filter(x -> x.getName().equals(name)).findFirst().orElse(null);
            if (container == null) {
                throw refuse(c, request, "no container '" + c.container() + "' in " + c.object());
            }
            Map<String, Quantity> now = container.getResources() == null || container.getResources().getRequests() == null ? Map.of()
                    : container.getResources().getRequests();
            Map<String, String> within = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : c.requests().entrySet()) {
                Quantity old = now.get(e.getKey());
                double wanted = Quantity.getAmountInBytes(new Quantity(e.getValue())).doubleValue();
                double allowed = old == null ? wanted : clamp(Quantity.getAmountInBytes(old).doubleValue(), wanted);
                if (allowed != wanted) {
                    // Quantity.getAmountInBytes reads any quantity in its base unit: cores for CPU, bytes for memory, a count for GPUs
                    String q = e.getKey().equals("cpu") ? Math.round(allowed * 1000) + "m"
                            : e.getKey().contains("memory") || e.getKey().contains("storage") ? Math.round(allowed / (1 << 20)) + "Mi"
                            : Long.toString(Math.round(allowed));
                    bounded.add(e.getKey() + " " + e.getValue() + " bounded to " + q + " (from " + old + ")");
                    within.put(e.getKey(), q);
                } else {
                    within.put(e.getKey(), e.getValue());
                }
            }
            c = new Change(c.namespace(), c.kind(), c.name(), null, c.container(), within);
            before = c.container() + " requests " + now;
        }
        if (!bounded.isEmpty()) {
            request = (c.replicas() != null ? "replicas=" + c.replicas() : c.container() + " requests " + c.requests()) + " ("
                    + String.join("; ", bounded) + ", at most x" + bounds.maxRatio() + " a change)";
        }
        Change change = c;
        if (dryRun) {
            audit.append(new AuditTrail.Entry(clock.instant().toString(), change.object(), change.object(), "dry-run", request, before, "dry run"));
            return "dry run: would set " + request + " on " + change.object() + " (now " + before + ")";
        }
        try {
            if (change.replicas() != null) {
                if (change.kind().equals("deployments")) {
                    client.apps().deployments().inNamespace(change.namespace()).withName(change.name()).edit(d -> {
                        d.getSpec().setReplicas(change.replicas());
                        return d;
                    });
                } else {
                    client.apps().statefulSets().inNamespace(change.namespace()).withName(change.name()).edit(s -> {
                        s.getSpec().setReplicas(change.replicas());
                        return s;
                    });
                }
            } else if (change.kind().equals("deployments")) {
                client.apps().deployments().inNamespace(change.namespace()).withName(change.name()).edit(d -> {
                    setRequests(d.getSpec().getTemplate().getSpec(), change);
                    return d;
                });
            } else {
                client.apps().statefulSets().inNamespace(change.namespace()).withName(change.name()).edit(s -> {
                    setRequests(s.getSpec().getTemplate().getSpec(), change);
                    return s;
                });
            }
        } catch (KubernetesClientException e) {
            throw refuse(change, request, "the cluster refused the patch: " + e.getMessage());
        }
        audit.append(new AuditTrail.Entry(clock.instant().toString(), change.object(), change.object(), "applied", request, before, "recommendation"));
        return "applied: set " + request + " on " + change.object() + " (was " + before + ")";
    }

    private static void setRequests(PodSpec pod, Change c) {
        for (Container container : pod.getContainers()) {
            if (container.getName().equals(c.container())) {
                if (container.getResources() == null) {
                    container.setResources(new io.fabric8.kubernetes.api.model.ResourceRequirements());
                }
                Map<String, Quantity> requests = container.getResources().getRequests() == null ? new LinkedHashMap<>()
                        : new LinkedHashMap<>(container.getResources().getRequests());
                c.requests().forEach((k, v) -> requests.put(k, new Quantity(v)));
                container.getResources().setRequests(requests);
            }
        }
    }

    /** {@code after}, moved no further from {@code before} than a factor {@code maxRatio}. */
    private double clamp(double before, double after) {
        if (before <= 0) {
            return after;
        }
        return Math.max(before / bounds.maxRatio(), Math.min(before * bounds.maxRatio(), after));
    }

    private Refused refuse(Change c, String request, String why) {
        audit.append(new AuditTrail.Entry(clock.instant().toString(), c.object(), c.object(), "refused", request, "", why));
        return new Refused(c.object() + ": " + why);
    }
}
