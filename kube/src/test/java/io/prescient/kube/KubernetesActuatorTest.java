package io.prescient.kube;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.prescient.plan.loop.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The actuator against fabric8's mock API server in CRUD mode: what it sets, its bounds, cooldown, dry run and audit. */
@EnableKubernetesMockClient(crud = true)
class KubernetesActuatorTest {

    static KubernetesClient client;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

    @BeforeEach
    void objects() {
        client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder().withNewMetadata().withName("web")
                .withNamespace("shop").endMetadata().withNewSpec().withReplicas(3).endSpec().build()).createOr(r -> r.update());
        client.apps().statefulSets().inNamespace("shop").resource(new StatefulSetBuilder().withNewMetadata().withName("db")
                .withNamespace("shop").endMetadata().withNewSpec().withReplicas(2).endSpec().build()).createOr(r -> r.update());
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("shop").resource(new HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName("api").withNamespace("shop").endMetadata().withNewSpec().withMinReplicas(2).withMaxReplicas(12)
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("api").endScaleTargetRef().endSpec()
                .build()).createOr(r -> r.update());
    }

    private static Decision order(String workload, double from, double units) {
        return new Decision(workload, 0, from, units, false, "P95 demand needs " + units + " units", Optional.empty());
    }

    private KubernetesActuator actuator(boolean dryRun, AuditTrail audit) {
        return new KubernetesActuator(client, List.of(
                new KubeTarget("web/requests", KubeTarget.Kind.DEPLOYMENT, "shop", "web", 1, 20, 4, Duration.ofMinutes(10)),
                new KubeTarget("db/cpu", KubeTarget.Kind.STATEFULSET, "shop", "db", 2, 5, 2, Duration.ZERO),
                new KubeTarget("api/requests", KubeTarget.Kind.HPA_MIN_REPLICAS, "shop", "api", 1, 50, 10, Duration.ZERO)),
                dryRun, audit, clock);
    }

    private int deploymentReplicas() {
        return client.apps().deployments().inNamespace("shop").withName("web").get().getSpec().getReplicas();
    }

    @Test
    void aDryRunWorksWithNoClusterAtAll() {
        AuditTrail audit = new AuditTrail(dir.resolve("audit.jsonl"));
        io.fabric8.kubernetes.client.Config none = new io.fabric8.kubernetes.client.ConfigBuilder(KubernetesActuator.clientConfig(true))
                .withMasterUrl("https://127.0.0.1:1").build();
        try (KubernetesClient nowhere = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(none).build()) {
            KubernetesActuator a = new KubernetesActuator(nowhere, List.of(
                    new KubeTarget("web/requests", KubeTarget.Kind.DEPLOYMENT, "shop", "web", 2, 10, 4, Duration.ofMinutes(10))),
                    true, audit, clock);
            long t0 = System.nanoTime();
            a.apply(order("web/requests", 3, 26));
            clock.advance(Duration.ofMinutes(1));
            a.apply(order("web/requests", 3, 4));
            clock.advance(Duration.ofMinutes(10));
            org.junit.jupiter.api.Assertions.assertThrows(KubernetesActuator.ActuationFailed.class,
                    () -> a.apply(new Decision("web/requests", 0, 3, Double.NaN, false, "a fault", Optional.empty())),
                    "a refused decision is audited and reported to the loop");
            a.apply(order("web/requests", 3, 4));
            System.out.printf("dry run with no cluster: 4 decisions in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        }
        List<String> outcomes = audit.entries().stream().map(AuditTrail.Entry::outcome).toList();
        assertEquals(List.of("dry-run", "cooldown", "refused", "dry-run"), outcomes, audit.entries().toString());
        AuditTrail.Entry first = audit.entries().get(0);
        assertEquals("PATCH deployment shop/web replicas ? -> 10", first.request(), "bounded by max_replicas without the cluster");
        assertTrue(first.reason().contains("could not be read"), first.reason());
    }

    @Test
    void dryRunByDefaultChangesNothingButAuditsWhatItWouldSend() {
        AuditTrail audit = new AuditTrail(dir.resolve("audit.jsonl"));
        actuator(true, audit).apply(order("web/requests", 3, 5));
        assertEquals(3, deploymentReplicas());
        assertEquals("read", audit.entries().get(0).outcome());
        assertEquals("replicas 3", audit.entries().get(0).response());
        AuditTrail.Entry e = audit.entries().get(1);
        assertEquals("dry-run", e.outcome());
        assertEquals("PATCH deployment shop/web replicas 3 -> 5", e.request());
    }

    @Test
    void setsReplicasWithinTheStepAndHoldsDuringTheCooldown() {
        AuditTrail audit = new AuditTrail(dir.resolve("audit.jsonl"));
        KubernetesActuator a = actuator(false, audit);
        a.apply(order("web/requests", 3, 12));
        assertEquals(7, deploymentReplicas(), "at most 4 more a step");
        clock.advance(Duration.ofMinutes(5));
        a.apply(order("web/requests", 7, 12));
        assertEquals(7, deploymentReplicas(), "cooldown of 10 minutes");
        clock.advance(Duration.ofMinutes(6));
        a.apply(order("web/requests", 7, 9));
        assertEquals(9, deploymentReplicas());
        List<AuditTrail.Entry> changes = audit.entries().stream().filter(x -> !x.outcome().equals("read")).toList();
        assertEquals(List.of("applied", "cooldown", "applied"), changes.stream().map(AuditTrail.Entry::outcome).toList());
        assertEquals(3, audit.entries().stream().filter(x -> x.outcome().equals("read")).count(), "every GET is audited");
        assertTrue(changes.get(0).response().startsWith("ok, replicas 7, resourceVersion "), changes.get(0).response());
        assertTrue(changes.get(0).reason().contains("at most 4 a step"), changes.get(0).reason());
    }

    @Test
    void boundsHoldsAndStatefulSets() {
        AuditTrail audit = new AuditTrail(dir.resolve("audit.jsonl"));
        KubernetesActuator a = actuator(false, audit);
        a.apply(order("db/cpu", 2, 40));
        assertEquals(4, client.apps().statefulSets().inNamespace("shop").withName("db").get().getSpec().getReplicas());
        a.apply(order("db/cpu", 4, 40));
        assertEquals(5, client.apps().statefulSets().inNamespace("shop").withName("db").get().getSpec().getReplicas(), "max 5");
        a.apply(order("db/cpu", 5, 0));
        assertEquals(3, client.apps().statefulSets().inNamespace("shop").withName("db").get().getSpec().getReplicas(), "2 a step down");
        a.apply(Decision.hold("db/cpu", 0, 3, "the model failed"));
        a.apply(order("not/managed", 1, 9));
        assertEquals(List.of("read", "applied", "read", "applied", "read", "applied", "held"),
                audit.entries().stream().map(AuditTrail.Entry::outcome).toList());
    }

    @Test
    void raisesAnHpasMinReplicasAheadOfDemandButNotAboveItsMax() {
        AuditTrail audit = new AuditTrail(dir.resolve("audit.jsonl"));
        KubernetesActuator a = actuator(false, audit);
        a.apply(order("api/requests", 2, 8));
        assertEquals(8, client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("shop").withName("api").get().getSpec().getMinReplicas());
        a.apply(order("api/requests", 8, 30));
        assertEquals(12, client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("shop").withName("api").get().getSpec().getMinReplicas(),
                "never above the HPA's own maxReplicas");
        assertEquals("PATCH hpa_min_replicas shop/api minReplicas 8 -> 12", audit.entries().get(3).request());
    }

    @Test
    void aMissingObjectIsAuditedAndTheLoopGoesOn() {
        AuditTrail audit = new AuditTrail(dir.resolve("audit.jsonl"));
        KubernetesActuator a = new KubernetesActuator(client, List.of(new KubeTarget("x/y", KubeTarget.Kind.DEPLOYMENT, "shop", "gone", 1, 5,
                1, Duration.ZERO)), false, audit, clock);
        KubernetesActuator.ActuationFailed failed = org.junit.jupiter.api.Assertions.assertThrows(KubernetesActuator.ActuationFailed.class,
                () -> a.apply(order("x/y", 1, 3)), "the failure reaches the loop, which records it as the round's actuator fault");
        assertTrue(failed.getMessage().contains("no deployment shop/gone"), failed.getMessage());
        assertEquals("failed", audit.entries().get(0).outcome());
        assertTrue(audit.entries().get(0).response().contains("no deployment shop/gone"));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
