package io.prescient.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import io.prescient.plan.loop.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plain manifests in {@code deploy/kubernetes}: they parse, apply to fabric8's mock API server,
 * carry a loop config and a targets file the product reads, and grant the actuator exactly the
 * requests it makes (it is run against the mock with those targets, and every request it sent is
 * checked against the Role).
 */
@EnableKubernetesMockClient(crud = true)
class DeployManifestsTest {

    static KubernetesClient client;
    static KubernetesMockServer server;

    @TempDir
    Path dir;

    private static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");

    private static List<HasMetadata> load(String file) throws Exception {
        try (InputStream in = Files.newInputStream(MANIFESTS.resolve(file))) {
            return client.load(in).items();
        }
    }

    @Test
    void theManifestsApplyAndTheirConfigAndTargetsAreOnesTheProductReads() throws Exception {
        List<HasMetadata> items = load("prescient.yaml");
        assertEquals(List.of("ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Deployment", "Service"),
                items.stream().map(HasMetadata::getKind).toList());
        client.resourceList(items).create();
        Deployment d = client.apps().deployments().inNamespace("prescient").withName("prescient").get();
        assertEquals("prescient", d.getSpec().getTemplate().getSpec().getServiceAccountName());
        assertTrue(d.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().contains("/etc/prescient/prescient.yaml"));
        assertEquals(2, client.services().inNamespace("prescient").withName("prescient").get().getSpec().getPorts().size());

        ConfigMap config = client.configMaps().inNamespace("prescient").withName("prescient").get();
        String loopYaml = config.getData().get("prescient.yaml");
        assertTrue(loopYaml.contains("path: /etc/prescient/kube-targets.yaml"), "the ConfigMap's mount and key");
        Path targetsFile = dir.resolve("kube-targets.yaml");
        Files.writeString(targetsFile, config.getData().get("kube-targets.yaml"));
        LoopConfig loop = LoopConfigFile.parse("ConfigMap prescient/prescient.yaml", loopYaml.replace("/etc/prescient/kube-targets.yaml",
                targetsFile.toString()), dir);
        assertEquals("kubernetes", loop.actuator().type());
        KubeTargetsFile.Settings targets = KubeTargetsFile.read(targetsFile);
        assertTrue(targets.dryRun(), "the shipped targets are a dry run");
        assertEquals(Path.of("/var/lib/prescient/kube-audit.jsonl"), targets.audit(), "the audit trail on the writable volume");
        assertEquals("web/demand", targets.targets().get(0).workload(), "a Prometheus workload's name: <series>/demand");

        List<HasMetadata> keda = load("keda-scaledobject.yaml");
        assertEquals("ScaledObject", keda.get(0).getKind());
        // the HPA KEDA owns writes the scaler's count: its bounds, step and scale-down window are the targets file's
        KubeTarget web = targets.targets().get(0);
        com.fasterxml.jackson.databind.JsonNode spec = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(keda.get(0))
                .path("spec");
        assertEquals(web.minReplicas(), spec.path("minReplicaCount").asInt());
        assertEquals(web.maxReplicas(), spec.path("maxReplicaCount").asInt());
        com.fasterxml.jackson.databind.JsonNode behavior = spec.path("advanced").path("horizontalPodAutoscalerConfig").path("behavior");
        for (String direction : List.of("scaleUp", "scaleDown")) {
            com.fasterxml.jackson.databind.JsonNode policy = behavior.path(direction).path("policies").path(0);
            assertEquals("Pods", policy.path("type").asText(), direction);
            assertEquals(web.maxStep(), policy.path("value").asInt(), direction + " moves at most max_step replicas a period");
        }
        assertEquals(web.cooldown().toSeconds(), behavior.path("scaleDown").path("stabilizationWindowSeconds").asLong(),
                "no scale-down within the cooldown");
    }

    @Test
    void theRoleGrantsExactlyTheRequestsTheActuatorMakes() throws Exception {
        List<HasMetadata> items = load("prescient.yaml");
        Role role = (Role) items.stream().filter(i -> i instanceof Role).findFirst().orElseThrow();
        Set<String> granted = new HashSet<>();
        for (PolicyRule r : role.getRules()) {
            for (String group : r.getApiGroups()) {
                for (String resource : r.getResources()) {
                    for (String verb : r.getVerbs()) {
                        granted.add(group + "/" + resource + ":" + verb);
                    }
                }
            }
        }
        String ns = role.getMetadata().getNamespace();
        ConfigMap config = (ConfigMap) items.stream().filter(i -> i instanceof ConfigMap).findFirst().orElseThrow();
        Path targetsFile = dir.resolve("kube-targets.yaml");
        Files.writeString(targetsFile, config.getData().get("kube-targets.yaml"));
        List<KubeTarget> targets = KubeTargetsFile.read(targetsFile).targets();
        // one object of every kind the actuator can scale, in the Role's namespace
        List<KubeTarget> every = List.of(targets.get(0),
                new KubeTarget("api/demand", KubeTarget.Kind.DEPLOYMENT, ns, "api", 1, 10, 5, java.time.Duration.ZERO),
                new KubeTarget("db/demand", KubeTarget.Kind.STATEFULSET, ns, "db", 1, 10, 5, java.time.Duration.ZERO));
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns).resource(new HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName(targets.get(0).name()).withNamespace(ns).endMetadata().withNewSpec().withMinReplicas(2)
                .withMaxReplicas(40).withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("web")
                .endScaleTargetRef().endSpec().build()).create();
        client.apps().deployments().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder().withNewMetadata()
                .withName("api").withNamespace(ns).endMetadata().withNewSpec().withReplicas(2).endSpec().build()).create();
        client.apps().statefulSets().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder().withNewMetadata()
                .withName("db").withNamespace(ns).endMetadata().withNewSpec().withReplicas(2).endSpec().build()).create();
        int before = server.getRequestCount();
        for (int i = 0; i < before; i++) {
            server.takeRequest();
        }
        KubernetesActuator actuator = new KubernetesActuator(client, every, false, new AuditTrail(dir.resolve("audit.jsonl")),
                Clock.systemUTC());
        for (KubeTarget t : every) {
            actuator.apply(new Decision(t.workload(), 0, 2, 4, false, "test", Optional.empty()));
        }
        Set<String> made = new HashSet<>();
        Pattern path = Pattern.compile("/apis/([^/]+)/[^/]+/namespaces/" + ns + "/([^/?]+)/[^/?]+");
        for (int i = 0; i < server.getRequestCount() - before; i++) {
            var request = server.takeRequest();
            Matcher m = path.matcher(request.getPath());
            if (m.find() && !request.getPath().contains("/namespaces/" + ns + "/" + m.group(2) + "?")) {
                made.add(m.group(1) + "/" + m.group(2) + ":" + request.getMethod().toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertTrue(made.size() >= 4, "the actuator read and changed every kind: " + made);
        assertTrue(granted.containsAll(made), "every request the actuator makes is granted: made " + made + ", granted " + granted);
        assertEquals(made, granted, "and nothing more is granted");
    }
}
