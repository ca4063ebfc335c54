package io.prescient.cli;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kubernetes workloads as the experts commands see them: from an audit log of requests and replicas
 * changes plus usage, explained request and replica recommendations; accepting one with --apply
 * patches the (mock) cluster's Deployment within the bounds; a rejected one is never applied by
 * --auto-apply.
 */
@EnableKubernetesMockClient(crud = true)
class ExpertsKubernetesTest {

    static KubernetesClient client;

    @TempDir
    Path home;

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, Map.of("PRESCIENT_HOME", home.toString()), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void pointAtTheMockCluster() {
        System.setProperty("kubernetes.master", client.getMasterUrl().toString());
        System.setProperty("kubernetes.trust.certificates", "true");
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    }

    @AfterEach
    void forgetIt() {
        for (String p : List.of("kubernetes.master", "kubernetes.trust.certificates", "kubernetes.auth.tryKubeConfig",
                "kubernetes.auth.tryServiceAccount")) {
            System.clearProperty(p);
        }
    }

    private static Deployment deployment(String name, int replicas, String cpu, String memory) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata().withNewSpec()
                .withReplicas(replicas).withNewTemplate().withNewSpec().withContainers(new ContainerBuilder().withName("app")
                        .withImage("shop/" + name + ":1").withNewResources().withRequests(Map.of("cpu", new Quantity(cpu), "memory",
                                new Quantity(memory))).endResources().build()).endSpec().endTemplate().endSpec().build();
    }

    private static String audit(String name, int replicas, String cpu, String memory, String at) {
        return "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"RequestResponse\",\"verb\":\"update\","
                + "\"objectRef\":{\"resource\":\"deployments\",\"namespace\":\"shop\",\"name\":\"" + name + "\"},"
                + "\"responseStatus\":{\"code\":200},\"stageTimestamp\":\"" + at + "\",\"requestObject\":{\"spec\":{\"replicas\":"
                + replicas + ",\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"" + cpu
                + "\",\"memory\":\"" + memory + "\"}}}]}}}}}";
    }

    @Test
    void requestAndReplicaRecommendationsAreExplainedAppliedWithinBoundsAndARejectedOneNeverApplied() throws Exception {
        client.apps().deployments().inNamespace("shop").resource(deployment("web", 8, "2", "4Gi")).create();
        client.apps().deployments().inNamespace("shop").resource(deployment("api", 6, "1", "2Gi")).create();
        Path fleet = Files.createDirectories(home.resolve("cluster"));
        Files.writeString(fleet.resolve("audit.log"), String.join("\n", audit("web", 8, "2", "4Gi", "2024-04-20T09:00:00Z"),
                audit("api", 6, "1", "2Gi", "2024-04-21T09:00:00Z")) + "\n");
        // a week of 5-minute usage: web's pods use about 0.5 of their 2 cores; api's about 0.3 of 1 core
        List<String> usage = new ArrayList<>(List.of("time,workload,pod,container,cpu_millicores,memory_mib"));
        SplittableRandom r = new SplittableRandom(3);
        Instant start = Instant.parse("2024-05-01T00:00:00Z");
        for (int step = 0; step < 7 * 288; step++) {
            String t = start.plusSeconds(300L * step).toString();
            double day = 1 + 0.3 * Math.sin(2 * Math.PI * step / 288);
            for (int pod = 0; pod < 8; pod++) {
                usage.add(t + ",shop/deployments/web,web-" + pod + ",app," + (int) (500 * day * (1 + 0.1 * r.nextGaussian())) + ","
                        + (int) (1200 + 50 * r.nextGaussian()));
            }
            for (int pod = 0; pod < 6; pod++) {
                usage.add(t + ",shop/deployments/api,api-" + pod + ",app," + (int) (300 * day * (1 + 0.1 * r.nextGaussian())) + ","
                        + (int) (700 + 30 * r.nextGaussian()));
            }
        }
        Files.write(fleet.resolve("usage.csv"), usage);

        Result recommend = run("experts", "recommend", fleet.toString(), "--limit", "10");
        assertEquals(0, recommend.code(), recommend.err() + recommend.out());
        assertTrue(recommend.out().contains("shop/deployments/web container app: requests cpu=2000m memory=4096Mi to cpu="),
                recommend.out());
        assertTrue(recommend.out().contains("shop/deployments/web: replicas 8 to "), recommend.out());
        assertTrue(recommend.out().contains("VPA-style") && recommend.out().contains("Expected net benefit"), recommend.out());

        List<String> ids = Files.readAllLines(fleet.resolve("recommendations.jsonl")).stream()
                .map(l -> l.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).toList();
        String webRequests = ids.stream().filter(i -> i.startsWith("shop/deployments/web/app->")).findFirst().orElseThrow();
        String apiReplicas = ids.stream().filter(i -> i.startsWith("shop/deployments/api->replicas=")).findFirst().orElseThrow();

        Result reject = run("experts", "reject", apiReplicas, fleet.toString(), "--reason", "black friday", "--by", "ops");
        assertEquals(0, reject.code(), reject.err());
        Result accept = run("experts", "accept", webRequests, fleet.toString(), "--apply", "--change-cluster", "--by", "ops");
        assertEquals(0, accept.code(), accept.err());
        assertTrue(accept.out().contains("applied " + webRequests), accept.out());
        Map<String, Quantity> requests = client.apps().deployments().inNamespace("shop").withName("web").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getResources().getRequests();
        double cpu = Quantity.getAmountInBytes(requests.get("cpu")).doubleValue();
        assertTrue(cpu >= 1.0 && cpu < 2.0, "within the 2x bound and below the old 2 cores: " + requests);

        Result auto = run("experts", "recommend", fleet.toString(), "--auto-apply", "--min-confidence", "0.5", "--change-cluster");
        assertEquals(0, auto.code(), auto.err());
        assertEquals(6, client.apps().deployments().inNamespace("shop").withName("api").get().getSpec().getReplicas(),
                "the rejected replica change is never applied: " + auto.out());
        assertTrue(!auto.out().contains("applied " + apiReplicas) && !auto.out().contains("applied " + webRequests), auto.out());
        String kubeAudit = Files.readString(fleet.resolve("kubernetes-audit.jsonl"));
        assertTrue(kubeAudit.contains("\"applied\""), kubeAudit);
    }
}
