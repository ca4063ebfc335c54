package io.prescient.kube;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EnableKubernetesMockClient(crud = true)
class WorkloadPatcherTest {

    static KubernetesClient client;

    /** A change beyond the bounds goes as far as they allow, in each resource's own unit; a dry run changes nothing; a missing object is refused. */
    @Test
    void changesAreBoundedInTheirOwnUnitsAndAudited(@TempDir Path dir) {
        client.apps().deployments().inNamespace("ml").resource(new DeploymentBuilder().withNewMetadata().withName("infer").withNamespace("ml")
                .endMetadata().withNewSpec().withReplicas(10).withNewTemplate().withNewSpec().withContainers(new ContainerBuilder()
                        .withName("model").withImage("ml/infer:1").withNewResources().withRequests(Map.of("cpu", new Quantity("4"),
                                "memory", new Quantity("8Gi"), "nvidia.com/gpu", new Quantity("1"))).endResources().build()).endSpec()
                .endTemplate().endSpec().build()).create();
        AuditTrail audit = new AuditTrail(dir.resolve("audit.jsonl"));
        WorkloadPatcher.Bounds bounds = new WorkloadPatcher.Bounds(2, 40, 2);
        WorkloadPatcher dry = new WorkloadPatcher(client, true, bounds, audit, Clock.systemUTC());
        assertTrue(dry.apply(new WorkloadPatcher.Change("ml", "deployments", "infer", 1, null, null)).startsWith("dry run"));
        assertEquals(10, client.apps().deployments().inNamespace("ml").withName("infer").get().getSpec().getReplicas());

        WorkloadPatcher real = new WorkloadPatcher(client, false, bounds, audit, Clock.systemUTC());
        String done = real.apply(new WorkloadPatcher.Change("ml", "deployments", "infer", null, "model", Map.of("cpu", "500m",
                "memory", "32Gi", "nvidia.com/gpu", "4")));
        assertTrue(done.contains("bounded"), done);
        Map<String, Quantity> requests = client.apps().deployments().inNamespace("ml").withName("infer").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getResources().getRequests();
        assertEquals(2.0, Quantity.getAmountInBytes(requests.get("cpu")).doubleValue(), 1e-9, "4 cores at most halved");
        assertEquals(16.0 * (1L << 30), Quantity.getAmountInBytes(requests.get("memory")).doubleValue(), 1 << 20, "8Gi at most doubled");
        assertEquals(2.0, Quantity.getAmountInBytes(requests.get("nvidia.com/gpu")).doubleValue(), 1e-9, "one GPU at most doubled, a count");
        real.apply(new WorkloadPatcher.Change("ml", "deployments", "infer", 100, null, null));
        assertEquals(20, client.apps().deployments().inNamespace("ml").withName("infer").get().getSpec().getReplicas(), "x2 a change");
        assertThrows(WorkloadPatcher.Refused.class, () -> real.apply(new WorkloadPatcher.Change("ml", "deployments", "gone", 3, null, null)));
        assertTrue(audit.entries().stream().anyMatch(e -> e.outcome().equals("refused")), "the refusal is audited");
        assertTrue(audit.entries().stream().anyMatch(e -> e.outcome().equals("dry-run")));
    }
}
