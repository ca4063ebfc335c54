package io.prescient.server.keda;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.prescient.server.keda.proto.ExternalScalerGrpc;
import io.prescient.server.keda.proto.GetMetricSpecResponse;
import io.prescient.server.keda.proto.GetMetricsRequest;
import io.prescient.server.keda.proto.GetMetricsResponse;
import io.prescient.server.keda.proto.IsActiveResponse;
import io.prescient.server.keda.proto.MetricSpec;
import io.prescient.server.keda.proto.MetricValue;
import io.prescient.server.keda.proto.ScaledObjectRef;
import io.prescient.server.state.FleetState;
import io.prescient.server.state.WorkloadSnapshot;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The external scaler. The ScaledObject's trigger metadata names the workload
 * ({@code workload: item/metric}); its metric is {@code prescient-<workload>} with value = the units the
 * loop planned at its latest round and target 1, so the HPA KEDA manages runs that many replicas.
 * Active while the plan wants at least one unit. StreamIsActive sends the state at once and again
 * whenever it changes (checked every {@code pollMillis}).
 */
public final class PlannedCapacityScaler extends ExternalScalerGrpc.ExternalScalerImplBase {

    public static final String WORKLOAD_KEY = "workload";

    private final FleetState state;
    private final long pollMillis;
    private final ScheduledExecutorService poller;

    public PlannedCapacityScaler(FleetState state, long pollMillis) {
        this.state = state;
        this.pollMillis = pollMillis;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keda-stream");
            t.setDaemon(true);
            return t;
        });
    }

    /** The workload the trigger names, or a gRPC error saying what is missing. */
    private WorkloadSnapshot workload(ScaledObjectRef ref) {
        String name = ref.getScalerMetadataMap().get(WORKLOAD_KEY);
        if (name == null || name.isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("ScaledObject " + ref.getNamespace() + "/" + ref.getName()
                    + ": the trigger's metadata must name the workload, e.g. workload: web/requests").asRuntimeException();
        }
        return state.workload(name).orElseThrow(() -> Status.NOT_FOUND.withDescription("ScaledObject " + ref.getNamespace() + "/"
                + ref.getName() + ": Prescient plans no workload '" + name + "'").asRuntimeException());
    }

    static String metricName(WorkloadSnapshot w) {
        return "prescient-" + w.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static boolean active(WorkloadSnapshot w) {
        return w.units() >= 1;
    }

    @Override
    public void isActive(ScaledObjectRef request, StreamObserver<IsActiveResponse> out) {
        try {
            out.onNext(IsActiveResponse.newBuilder().setResult(active(workload(request))).build());
            out.onCompleted();
        } catch (RuntimeException e) {
            out.onError(e);
        }
    }

    @Override
    public void getMetricSpec(ScaledObjectRef request, StreamObserver<GetMetricSpecResponse> out) {
        try {
            WorkloadSnapshot w = workload(request);
            out.onNext(GetMetricSpecResponse.newBuilder().addMetricSpecs(MetricSpec.newBuilder().setMetricName(metricName(w))
                    .setTargetSize(1).setTargetSizeFloat(1.0)).build());
            out.onCompleted();
        } catch (RuntimeException e) {
            out.onError(e);
        }
    }

    @Override
    public void getMetrics(GetMetricsRequest request, StreamObserver<GetMetricsResponse> out) {
        try {
            WorkloadSnapshot w = workload(request.getScaledObjectRef());
            double units = w.units();
            out.onNext(GetMetricsResponse.newBuilder().addMetricValues(MetricValue.newBuilder().setMetricName(metricName(w))
                    .setMetricValue((long) Math.ceil(units)).setMetricValueFloat(units)).build());
            out.onCompleted();
        } catch (RuntimeException e) {
            out.onError(e);
        }
    }

    @Override
    public void streamIsActive(ScaledObjectRef request, StreamObserver<IsActiveResponse> out) {
        ServerCallStreamObserver<IsActiveResponse> call = (ServerCallStreamObserver<IsActiveResponse>) out;
        AtomicReference<Boolean> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        call.setOnCancelHandler(() -> {
            ScheduledFuture<?> f = task.get();
            if (f != null) {
                f.cancel(false);
            }
        });
        task.set(poller.scheduleWithFixedDelay(() -> {
            try {
                boolean now = active(workload(request));
                if (!Boolean.valueOf(now).equals(last.getAndSet(now)) && !call.isCancelled()) {
                    call.onNext(IsActiveResponse.newBuilder().setResult(now).build());
                }
            } catch (RuntimeException e) {
                task.get().cancel(false);
                if (!call.isCancelled()) {
                    call.onError(e);
                }
            }
        }, 0, pollMillis, TimeUnit.MILLISECONDS));
    }

    /** Stops the streams' poller. */
    public void shutdown() {
        poller.shutdownNow();
    }
}
