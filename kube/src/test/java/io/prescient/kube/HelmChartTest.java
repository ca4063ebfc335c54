package io.prescient.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm chart in {@code deploy/helm/prescient}, rendered by Helm's own engine (helm-java bundles a
 * native helm): with its defaults it makes what the plain manifests make (the same Role, which
 * {@link DeployManifestsTest} checks against the actuator's requests, a loop config and targets file the
 * product reads) and applies to fabric8's mock API server; its options render what they say.
 */
@EnableKubernetesMockClient(crud = true)
class HelmChartTest {

    static KubernetesClient client;

    @TempDir
    Path dir;

    private static final Path CHART = Path.of("..", "deploy", "helm", "prescient");
    private static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");

    private static List<HasMetadata> render(UnaryOperator<TemplateCommand> values) {
        String yaml = values.apply(new Helm(CHART).template().withName("prescient").withNamespace("prescient")).call();
        return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    }

    private static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> items, Class<T> kind) {
        return items.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void theChartRendersWhatThePlainManifestsHoldAndApplies() throws Exception {
        List<HasMetadata> chart = render(t -> t);
        List<HasMetadata> plain;
        try (InputStream in = Files.newInputStream(MANIFESTS.resolve("prescient.yaml"))) {
            plain = client.load(in).items();
        }
        Set<String> kinds = chart.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertEquals(plain.stream().map(HasMetadata::getKind).collect(Collectors.toSet()), kinds);
        assertEquals(ofKind(plain, Role.class).get(0).getRules(), ofKind(chart, Role.class).get(0).getRules(),
                "the chart grants the actuator what the plain Role grants");
        assertEquals("shop", ofKind(chart, Role.class).get(0).getMetadata().getNamespace());

        ConfigMap config = ofKind(chart, ConfigMap.class).get(0);
        Path targetsFile = dir.resolve("kube-targets.yaml");
        Files.writeString(targetsFile, config.getData().get("kube-targets.yaml"));
        LoopConfig loop = LoopConfigFile.parse("chart ConfigMap prescient.yaml", config.getData().get("prescient.yaml")
                .replace("/etc/prescient/kube-targets.yaml", targetsFile.toString()), dir);
        assertEquals("kubernetes", loop.actuator().type());
        KubeTargetsFile.Settings targets = KubeTargetsFile.read(targetsFile);
        assertTrue(targets.dryRun(), "the chart's targets are a dry run unless told otherwise");
        assertEquals("web/demand", targets.targets().get(0).workload());

        Deployment d = ofKind(chart, Deployment.class).get(0);
        assertEquals("prescient:0.1.0", d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        assertTrue(d.getSpec().getTemplate().getSpec().getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null && v.getName().equals("data")));
        client.resourceList(chart).create();
        assertEquals("prescient", client.apps().deployments().inNamespace("prescient").withName("prescient").get().getSpec().getTemplate()
                .getSpec().getServiceAccountName());
    }

    @Test
    void itsOptionsRenderWhatTheySay() throws Exception {
        List<HasMetadata> scaling = render(t -> t.set("targets.dryRun", false).set("persistence.enabled", true)
                .set("image.tag", "0.2.0"));
        Path targetsFile = dir.resolve("targets.yaml");
        Files.writeString(targetsFile, ofKind(scaling, ConfigMap.class).get(0).getData().get("kube-targets.yaml"));
        assertTrue(!KubeTargetsFile.read(targetsFile).dryRun(), "dry_run: false reaches the targets file");
        Deployment d = ofKind(scaling, Deployment.class).get(0);
        assertEquals("prescient:0.2.0", d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        assertTrue(d.getSpec().getTemplate().getSpec().getVolumes().stream().anyMatch(v -> v.getPersistentVolumeClaim() != null));
        assertTrue(scaling.stream().anyMatch(i -> i.getKind().equals("PersistentVolumeClaim")));

        Path values = dir.resolve("two-namespaces.yaml");
        Files.writeString(values, """
                targets:
                  dryRun: true
                  audit: /var/lib/prescient/kube-audit.jsonl
                  list:
                    - {workload: web/demand, kind: hpa, namespace: shop, name: web, min_replicas: 2, max_replicas: 40, max_step: 5, cooldown: 10m}
                    - {workload: db/demand, kind: statefulset, namespace: data, name: db, min_replicas: 2, max_replicas: 6, max_step: 1, cooldown: 30m}
                    - {workload: api/demand, kind: deployment, namespace: shop, name: api, min_replicas: 1, max_replicas: 9, max_step: 2, cooldown: 5m}
                keda: {enabled: true, workload: db/demand, namespace: data, name: db}
                """);
        List<HasMetadata> wide = render(t -> t.withValuesFile(values));
        assertEquals(Set.of("shop", "data"), ofKind(wide, Role.class).stream().map(r -> r.getMetadata().getNamespace()).collect(Collectors.toSet()),
                "one Role per namespace the targets name, no more");
        JsonNode scaled = new ObjectMapper().valueToTree(wide.stream().filter(i -> i.getKind().equals("ScaledObject")).findFirst()
                .orElseThrow());
        JsonNode spec = scaled.path("spec");
        assertEquals(2, spec.path("minReplicaCount").asInt());
        assertEquals(6, spec.path("maxReplicaCount").asInt());
        JsonNode behavior = spec.path("advanced").path("horizontalPodAutoscalerConfig").path("behavior");
        assertEquals(1, behavior.path("scaleUp").path("policies").path(0).path("value").asInt(), "the target's max_step");
        assertEquals(1800, behavior.path("scaleDown").path("stabilizationWindowSeconds").asInt(), "the target's cooldown");
        assertEquals("db/demand", spec.path("triggers").path(0).path("metadata").path("workload").asText());

        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> render(t -> t.set("keda.enabled", true)
                .set("keda.workload", "nothing/demand")));
        assertTrue(unknown.getMessage().contains("names no target"), unknown.getMessage());
    }
}
