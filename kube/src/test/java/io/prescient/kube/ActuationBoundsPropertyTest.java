package io.prescient.kube;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.prescient.plan.loop.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over random decisions (NaN, infinities, negative, absurd and ordinary counts), random clock steps,
 * restarts of the actuator on the same audit trail and objects changed behind its back, the actuator
 * never writes outside [min, max] (an HPA's own max included) and never writes twice within a
 * target's cooldown, on fabric8's mock API server.
 */
@EnableKubernetesMockClient(crud = true)
class ActuationBoundsPropertyTest {

    static KubernetesClient client;

    @TempDir
    Path dir;

    private static final List<KubeTarget> TARGETS = List.of(
            new KubeTarget("web/requests", KubeTarget.Kind.DEPLOYMENT, "shop", "web", 2, 10, 3, Duration.ofMinutes(10)),
            new KubeTarget("api/requests", KubeTarget.Kind.HPA_MIN_REPLICAS, "shop", "api", 1, 50, 20, Duration.ofMinutes(3)));
    private static final int HPA_MAX = 12;

    private void setWeb(int replicas) {
        client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder().withNewMetadata().withName("web")
                .withNamespace("shop").endMetadata().withNewSpec().withReplicas(replicas).endSpec().build()).createOr(r -> r.update());
    }

    private void setApi(int minReplicas) {
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("shop").resource(new HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName("api").withNamespace("shop").endMetadata().withNewSpec().withMinReplicas(minReplicas)
                .withMaxReplicas(HPA_MAX).withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("api")
                .endScaleTargetRef().endSpec().build()).createOr(r -> r.update());
    }

    private static double decision(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> Double.NaN;
            case 1 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> -r.nextDouble() * 20;
            case 3 -> 1e3 + r.nextDouble() * 1e12;
            default -> r.nextDouble() * 40;
        };
    }

    @Test
    void neverWritesOutsideTheBoundsOrWithinACooldownAcrossRestarts() {
        setWeb(3);
        setApi(2);
        AuditTrail audit = new AuditTrail(dir.resolve("audit.jsonl"));
        KubernetesActuatorTest.MutableClock clock = new KubernetesActuatorTest.MutableClock(Instant.parse("2026-12-04T00:00:00Z"));
        KubernetesActuator actuator = new KubernetesActuator(client, TARGETS, false, audit, clock);
        SplittableRandom r = new SplittableRandom(17);
        int restarts = 0;
        for (int i = 0; i < 400; i++) {
            clock.advance(Duration.ofSeconds(r.nextInt(0, 600)));
            if (r.nextInt(10) == 0) {
                actuator = new KubernetesActuator(client, TARGETS, false, audit, clock);
                restarts++;
            }
            if (r.nextInt(20) == 0) {
                setWeb(r.nextInt(0, 40));
            }
            KubeTarget t = TARGETS.get(r.nextInt(TARGETS.size()));
            try {
                actuator.apply(new Decision(t.workload(), 0, 0, decision(r), false, "random decision " + i, Optional.empty()));
            } catch (KubernetesActuator.ActuationFailed refused) {
                // a NaN, negative or absurd decision is refused (audited, and reported to the loop); nothing is written
            }
        }
        Map<String, Instant> last = new HashMap<>();
        int applied = 0;
        int refused = 0;
        for (AuditTrail.Entry e : audit.entries()) {
            refused += e.outcome().equals("refused") ? 1 : 0;
            if (!e.outcome().equals("applied")) {
                continue;
            }
            applied++;
            KubeTarget t = TARGETS.stream().filter(x -> x.workload().equals(e.workload())).findFirst().orElseThrow();
            int written = Integer.parseInt(e.request().substring(e.request().lastIndexOf(' ') + 1));
            int max = t.kind() == KubeTarget.Kind.HPA_MIN_REPLICAS ? Math.min(HPA_MAX, t.maxReplicas()) : t.maxReplicas();
            assertTrue(written >= t.minReplicas() && written <= max, "wrote " + written + " outside " + t.minReplicas() + ".." + max + ": " + e);
            Instant at = Instant.parse(e.at());
            Instant before = last.put(t.workload(), at);
            assertTrue(before == null || !at.isBefore(before.plus(t.cooldown())), "two writes within the cooldown: " + before + ", " + e);
        }
        assertTrue(applied > 40, "the run wrote often enough to test the bounds: " + applied);
        assertTrue(refused > 80, "and refused the non-finite, negative and absurd decisions: " + refused);
        assertTrue(restarts > 20, "restarts " + restarts);
    }

    @Test
    void aRestartKeepsTheCooldown() {
        setWeb(3);
        AuditTrail audit = new AuditTrail(dir.resolve("audit.jsonl"));
        KubernetesActuatorTest.MutableClock clock = new KubernetesActuatorTest.MutableClock(Instant.parse("2026-12-04T00:00:00Z"));
        new KubernetesActuator(client, TARGETS, false, audit, clock).apply(order(6));
        assertEquals(6, replicas());
        clock.advance(Duration.ofMinutes(2));
        new KubernetesActuator(client, TARGETS, false, audit, clock).apply(order(9));
        assertEquals(6, replicas(), "the new process reads the last change back from the audit trail");
        assertEquals("cooldown", audit.entries().get(audit.entries().size() - 1).outcome());
    }

    @Test
    void anObjectOutsideItsBoundsIsBroughtToTheBoundNotStepped() {
        setWeb(26);
        AuditTrail audit = new AuditTrail(dir.resolve("audit.jsonl"));
        new KubernetesActuator(client, TARGETS, false, audit, new KubernetesActuatorTest.MutableClock(Instant.EPOCH)).apply(order(30));
        assertEquals(10, replicas(), "max 10 wins over a step of 3 from 26");
        assertTrue(audit.entries().get(1).reason().contains("the object stood outside the bounds at 26"), audit.entries().get(1).reason());
    }

    @Test
    void badTargetsAreRefused() {
        IllegalArgumentException zero = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new KubeTarget("w/x", KubeTarget.Kind.DEPLOYMENT, "shop", "web", 0, 5, 1, Duration.ZERO));
        assertTrue(zero.getMessage().contains("min_replicas 0 lets it scale to zero; set allow_scale_to_zero: true"), zero.getMessage());
        new KubeTarget("w/x", KubeTarget.Kind.DEPLOYMENT, "shop", "web", 0, 5, 1, Duration.ZERO, true);
        IllegalArgumentException twice = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new KubernetesActuator(client, List.of(TARGETS.get(0), new KubeTarget("other/x", KubeTarget.Kind.DEPLOYMENT, "shop",
                        "web", 1, 5, 1, Duration.ZERO)), true, new AuditTrail(dir.resolve("a.jsonl")), java.time.Clock.systemUTC()));
        assertTrue(twice.getMessage().contains("deployment shop/web is the target of two workloads"), twice.getMessage());
    }

    private static Decision order(double units) {
        return new Decision("web/requests", 0, 0, units, false, "plan", Optional.empty());
    }

    private int replicas() {
        return client.apps().deployments().inNamespace("shop").withName("web").get().getSpec().getReplicas();
    }
}
