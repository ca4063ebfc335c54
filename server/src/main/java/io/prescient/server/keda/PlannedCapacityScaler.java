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
import io.prescient.kube.KubeTarget;
import io.prescient.kube.KubeTargetsFile;
import io.prescient.kube.ReplicaBounds;
import io.prescient.server.state.FleetState;
import io.prescient.server.state.WorkloadSnapshot;

import java.util.Optional;
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
 *
 * <p>Given the Kubernetes actuator's targets file, the scaler obeys it as the actuator does: a
 * workload without a target is NOT_FOUND; the value is the planned units bounded by the target's
 * [min, max] ({@link ReplicaBounds}); a NaN, negative or absurd plan is FAILED_PRECONDITION with the
 * reason (KEDA then keeps the current count); a dry-run file makes every GetMetrics a
 * FAILED_PRECONDITION saying what would have been reported. The scaler never deactivates a target
 * that does not allow scale to zero, nor any target in a dry run or on a refused plan.
 */
public final class PlannedCapacityScaler extends ExternalScalerGrpc.ExternalScalerImplBase {

    public static final String WORKLOAD_KEY = "workload";

    private final FleetState state;
    private final long pollMillis;
    private final Optional<KubeTargetsFile.Settings> targets;
    private final ScheduledExecutorService poller;

    public PlannedCapacityScaler(FleetState state, long pollMillis) {
        this(state, pollMillis, Optional.empty());
    }

    /** @param targets the Kubernetes actuator's targets file, whose bounds and dry-run setting the scaler obeys */
    public PlannedCapacityScaler(FleetState state, long pollMillis, Optional<KubeTargetsFile.Settings> targets) {
        this.state = state;
        this.pollMillis = pollMillis;
        this.targets = targets;
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

    /** What the scaler may report for a workload: refused (with the reason) or a replica count. */
    private record Report(WorkloadSnapshot workload, Optional<KubeTarget> target, ReplicaBounds.Verdict verdict) {

        boolean active() {
            if (verdict.refused() || target.isPresent() && !target.get().allowScaleToZero()) {
                return true;
            }
            return verdict.replicas() >= 1;
        }
    }

    private Report report(ScaledObjectRef ref) {
        WorkloadSnapshot w = workload(ref);
        double units = w.units();
        if (targets.isEmpty()) {
            boolean fault = !Double.isFinite(units) || units < 0;
            return new Report(w, Optional.empty(), new ReplicaBounds.Verdict(fault, fault ? 0 : (int) Math.min(Integer.MAX_VALUE,
                    Math.ceil(units)), fault ? "decision of " + units + " units is not a finite count of 0 or more: refused" : ""));
        }
        KubeTarget t = targets.get().targets().stream().filter(x -> x.workload().equals(w.name())).findFirst()
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("ScaledObject " + ref.getNamespace() + "/" + ref.getName()
                        + ": the targets file has no target for workload '" + w.name() + "'").asRuntimeException());
        ReplicaBounds.Verdict v = ReplicaBounds.bound(t, units);
        if (targets.get().dryRun() && !v.refused()) {
            v = new ReplicaBounds.Verdict(true, v.replicas(), "dry run: would report " + v.replicas() + " replicas for "
                    + t.describe() + v.reason() + "; KEDA keeps the current count");
        }
        return new Report(w, Optional.of(t), v);
    }

    @Override
    public void isActive(ScaledObjectRef request, StreamObserver<IsActiveResponse> out) {
        try {
            out.onNext(IsActiveResponse.newBuilder().setResult(report(request).active()).build());
            out.onCompleted();
        } catch (RuntimeException e) {
            out.onError(e);
        }
    }

    @Override
    public void getMetricSpec(ScaledObjectRef request, StreamObserver<GetMetricSpecResponse> out) {
        try {
            WorkloadSnapshot w = report(request).workload();
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
            Report r = report(request.getScaledObjectRef());
            if (r.verdict().refused()) {
                throw Status.FAILED_PRECONDITION.withDescription(r.workload().name() + ": " + r.verdict().reason()).asRuntimeException();
            }
            double value = r.target().isPresent() ? r.verdict().replicas() : r.workload().units();
            out.onNext(GetMetricsResponse.newBuilder().addMetricValues(MetricValue.newBuilder().setMetricName(metricName(r.workload()))
                    .setMetricValue(r.verdict().replicas()).setMetricValueFloat(value)).build());
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
                boolean now = report(request).active();
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
