package io.prescient.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.prescient.experts.recommend.ChangeActuator;
import io.prescient.experts.recommend.Recommendation;
import io.prescient.kube.AuditTrail;
import io.prescient.kube.KubernetesActuator;
import io.prescient.kube.WorkloadPatcher;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options and wiring for applying Kubernetes workloads' recommendations (requests, replicas) through
 * the cluster the usual client configuration names (KUBECONFIG, ~/.kube/config or in-cluster): dry-run
 * unless {@code --change-cluster}, bounded, audited to {@code <fleet>/kubernetes-audit.jsonl}. A VM's
 * recommendation keeps the AWS actuator, which only says what it would do.
 */
final class KubeRecommendations {

    @Option(names = "--change-cluster", description = "Patch the cluster for Kubernetes recommendations (default: a dry run that audits "
            + "what it would do).")
    boolean changeCluster;

    @Option(names = "--max-ratio", defaultValue = "2", description = "Kubernetes: the most a request or the replicas may grow or shrink "
            + "in one change (default: ${DEFAULT-VALUE}).")
    double maxRatio;

    @Option(names = "--min-replicas", defaultValue = "1", description = "Kubernetes: fewest replicas (default: ${DEFAULT-VALUE}).")
    int minReplicas;

    @Option(names = "--max-replicas", defaultValue = "100", description = "Kubernetes: most replicas (default: ${DEFAULT-VALUE}).")
    int maxReplicas;

    /** The actuator for a recommendation: the Kubernetes one for a workload's, the AWS dry run for a VM's. */
    ChangeActuator actuator(Path fleet) {
        ChangeActuator vms = ChangeActuator.dryRun();
        return new ChangeActuator() {
            private WorkloadPatcher patcher;

            @Override
            public String apply(Recommendation r) {
                return r.tag().equals("kubernetes") ? patcher().apply(change(r)) : vms.apply(r);
            }

            @Override
            public boolean isDryRun() {
                return !changeCluster;
            }

            private WorkloadPatcher patcher() {
                if (patcher == null) {
                    KubernetesClient client = new KubernetesClientBuilder().withConfig(KubernetesActuator.clientConfig(!changeCluster)).build();
                    patcher = new WorkloadPatcher(client, !changeCluster, new WorkloadPatcher.Bounds(minReplicas, maxReplicas, maxRatio),
                            new AuditTrail(fleet.resolve("kubernetes-audit.jsonl")), Clock.systemUTC());
                }
                return patcher;
            }
        };
    }

    /** {@code ns/kind/name} with {@code replicas=N}, or {@code ns/kind/name/container} with {@code cpu=500m memory=512Mi}. */
    static WorkloadPatcher.Change change(Recommendation r) {
        String[] p = r.resource().split("/");
        if (r.to().startsWith("replicas=")) {
            return new WorkloadPatcher.Change(p[0], p[1], p[2], Integer.parseInt(r.to().substring("replicas=".length())), null, null);
        }
        Map<String, String> requests = new LinkedHashMap<>();
        for (String part : r.to().split("\\s+")) {
            String[] kv = part.split("=", 2);
            requests.put(kv[0], kv[1]);
        }
        return new WorkloadPatcher.Change(p[0], p[1], p[2], null, p[3], requests);
    }
}
