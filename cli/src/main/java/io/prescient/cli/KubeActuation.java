package io.prescient.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.prescient.kube.AuditTrail;
import io.prescient.kube.KubeTargetsFile;
import io.prescient.kube.KubernetesActuator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The Kubernetes actuator for {@code run} and {@code serve} (config {@code actuator: {type: kubernetes,
 * path: targets.yaml}}): the cluster from the usual client configuration (KUBECONFIG, ~/.kube/config or
 * in-cluster), dry-run unless the targets file says {@code dry_run: false}.
 */
final class KubeActuation {

    private KubeActuation() {
    }

    static KubernetesActuator open(Path targetsFile, PrintWriter console) {
        KubeTargetsFile.Settings s = KubeTargetsFile.read(targetsFile);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(KubernetesActuator.clientConfig(s.dryRun())).build();
        console.printf("Kubernetes actuator: %d targets at %s, %s; audit trail %s%n", s.targets().size(), client.getMasterUrl(),
                s.dryRun() ? "DRY RUN (set dry_run: false in " + targetsFile + " to change the cluster)" : "changing the cluster", s.audit());
        console.flush();
        return new KubernetesActuator(client, s.targets(), s.dryRun(), new AuditTrail(s.audit()), Clock.systemUTC());
    }
}
