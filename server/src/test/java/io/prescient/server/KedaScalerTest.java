package io.prescient.server;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.prescient.plan.config.LoopConfig;
import io.prescient.server.keda.KedaScalerServer;
import io.prescient.server.keda.proto.ExternalScalerGrpc;
import io.prescient.server.keda.proto.GetMetricSpecResponse;
import io.prescient.server.keda.proto.GetMetricsRequest;
import io.prescient.server.keda.proto.GetMetricsResponse;
import io.prescient.server.keda.proto.IsActiveResponse;
import io.prescient.server.keda.proto.ScaledObjectRef;
import io.prescient.server.state.WorkloadSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KEDA external scaler over real gRPC (Netty server, generated client stubs) against a server's planned capacity. */
class KedaScalerTest {

    @TempDir
    static Path dir;

    static Serve serve;
    static KedaScalerServer scaler;
    static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        LoopConfig config = TestServers.config(dir, "requests", 50);
        serve = Serve.start(new Serve.Options(TestServers.assembly(dir, config), TestServers.synthetic(2, 3), 0,
                Optional.empty(), Optional.empty(), 0.5, List.of("ensemble")), TestServers.settings(1000, 50), d -> { }, line -> { });
        serve.loop().awaitEnd(120_000);
        scaler = KedaScalerServer.start("127.0.0.1", 0, serve.state(), 50, Optional.empty());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", scaler.port()).usePlaintext().build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        scaler.close();
        serve.close();
    }

    private static ScaledObjectRef ref(String workload) {
        return ScaledObjectRef.newBuilder().setName("web").setNamespace("shop").putScalerMetadata("workload", workload).build();
    }

    @Test
    void metricSpecAndValueGiveThePlannedUnits() {
        WorkloadSnapshot w = serve.state().workloads().get(0);
        ExternalScalerGrpc.ExternalScalerBlockingStub stub = ExternalScalerGrpc.newBlockingStub(channel);
        GetMetricSpecResponse spec = stub.getMetricSpec(ref(w.name()));
        assertEquals("prescient-svc-0-requests", spec.getMetricSpecs(0).getMetricName());
        assertEquals(1.0, spec.getMetricSpecs(0).getTargetSizeFloat());
        GetMetricsResponse value = stub.getMetrics(GetMetricsRequest.newBuilder().setScaledObjectRef(ref(w.name()))
                .setMetricName(spec.getMetricSpecs(0).getMetricName()).build());
        assertEquals(w.units(), value.getMetricValues(0).getMetricValueFloat(), 1e-9);
        assertTrue(w.units() >= 1);
        assertTrue(stub.isActive(ref(w.name())).getResult());
    }

    /** The scaler of {@code targets} (the first workload's target capped one below its plan), with a client to it. */
    private static <T> T withTargets(boolean dryRun, java.util.function.Function<ExternalScalerGrpc.ExternalScalerBlockingStub, T> call)
            throws InterruptedException {
        WorkloadSnapshot w = serve.state().workloads().get(0);
        int max = Math.max(1, (int) Math.ceil(w.units()) - 1);
        io.prescient.kube.KubeTarget target = new io.prescient.kube.KubeTarget(w.name(), io.prescient.kube.KubeTarget.Kind.DEPLOYMENT,
                "shop", "web", 1, max, 100, java.time.Duration.ZERO);
        try (KedaScalerServer bounded = KedaScalerServer.start("127.0.0.1", 0, serve.state(), 50, Optional.of(
                new io.prescient.kube.KubeTargetsFile.Settings(dryRun, dir.resolve("audit.jsonl"), List.of(target))))) {
            ManagedChannel c = NettyChannelBuilder.forAddress("127.0.0.1", bounded.port()).usePlaintext().build();
            try {
                return call.apply(ExternalScalerGrpc.newBlockingStub(c));
            } finally {
                c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private static GetMetricsRequest metrics(String workload) {
        return GetMetricsRequest.newBuilder().setScaledObjectRef(ref(workload)).setMetricName("m").build();
    }

    @Test
    void withTheTargetsFileTheScalerReportsNoMoreThanTheTargetsMaximum() throws Exception {
        WorkloadSnapshot w = serve.state().workloads().get(0);
        int max = Math.max(1, (int) Math.ceil(w.units()) - 1);
        assertTrue(Math.ceil(w.units()) > max, "the test needs a plan above the cap: " + w.units());
        GetMetricsResponse value = withTargets(false, stub -> stub.getMetrics(metrics(w.name())));
        assertEquals(max, value.getMetricValues(0).getMetricValue());
        assertEquals(max, value.getMetricValues(0).getMetricValueFloat(), 1e-9);
        StatusRuntimeException untargeted = withTargets(false, stub -> assertThrows(StatusRuntimeException.class,
                () -> stub.getMetrics(metrics(serve.state().workloads().get(1).name()))));
        assertEquals(io.grpc.Status.Code.NOT_FOUND, untargeted.getStatus().getCode());
        assertTrue(untargeted.getStatus().getDescription().contains("no target"), untargeted.getStatus().getDescription());
    }

    @Test
    void aDryRunTargetsFileReportsNothingKedaWouldActOnAndNeverDeactivates() throws Exception {
        WorkloadSnapshot w = serve.state().workloads().get(0);
        StatusRuntimeException dry = withTargets(true, stub -> assertThrows(StatusRuntimeException.class,
                () -> stub.getMetrics(metrics(w.name()))));
        assertEquals(io.grpc.Status.Code.FAILED_PRECONDITION, dry.getStatus().getCode());
        assertTrue(dry.getStatus().getDescription().contains("dry run: would report"), dry.getStatus().getDescription());
        Boolean active = withTargets(true, stub -> stub.isActive(ref(w.name())).getResult());
        assertTrue(active, "a dry run never deactivates its target");
    }

    @Test
    void unknownOrUnnamedWorkloadsAreRefusedWithAReason() {
        ExternalScalerGrpc.ExternalScalerBlockingStub stub = ExternalScalerGrpc.newBlockingStub(channel);
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> stub.isActive(ref("no/such")));
        assertEquals(io.grpc.Status.Code.NOT_FOUND, missing.getStatus().getCode());
        StatusRuntimeException unnamed = assertThrows(StatusRuntimeException.class,
                () -> stub.getMetricSpec(ScaledObjectRef.newBuilder().setName("web").setNamespace("shop").build()));
        assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, unnamed.getStatus().getCode());
        assertTrue(unnamed.getStatus().getDescription().contains("workload"));
    }

    @Test
    void streamIsActiveSendsTheStateAtOnce() throws Exception {
        LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
        io.grpc.Context.CancellableContext context = io.grpc.Context.current().withCancellation();
        context.run(() -> ExternalScalerGrpc.newStub(channel).streamIsActive(ref(serve.state().workloads().get(1).name()),
                new StreamObserver<>() {
                    @Override
                    public void onNext(IsActiveResponse value) {
                        received.add(value.getResult());
                    }

                    @Override
                    public void onError(Throwable t) {
                        received.add(t);
                    }

                    @Override
                    public void onCompleted() {
                        received.add("completed");
                    }
                }));
        Object first = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(first, "the stream sends the current state when it opens");
        assertEquals(Boolean.TRUE, first);
        Thread.sleep(300);
        assertTrue(received.isEmpty(), "nothing more while the state does not change: " + received);
        context.cancel(null);
    }
}
