package io.prescient.server.keda;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.prescient.kube.KubeTargetsFile;
import io.prescient.server.state.FleetState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The external scaler on its own gRPC port (plaintext; put it behind the cluster's network policy or a mesh for TLS). */
public final class KedaScalerServer implements AutoCloseable {

    private final Server server;
    private final PlannedCapacityScaler scaler;

    private KedaScalerServer(Server server, PlannedCapacityScaler scaler) {
        this.server = server;
        this.scaler = scaler;
    }

    public static KedaScalerServer start(String host, int port, FleetState state, Optional<KubeTargetsFile.Settings> targets) {
        return start(host, port, state, 1000, targets);
    }

    /**
     * @param pollMillis how often StreamIsActive looks for a change
     * @param targets    the Kubernetes actuator's targets, whose bounds and dry-run setting the scaler obeys
     */
    public static KedaScalerServer start(String host, int port, FleetState state, long pollMillis,
                                         Optional<KubeTargetsFile.Settings> targets) {
        PlannedCapacityScaler scaler = new PlannedCapacityScaler(state, pollMillis, targets);
        try {
            Server s = NettyServerBuilder.forAddress(new InetSocketAddress(host, port)).addService(scaler).build().start();
            return new KedaScalerServer(s, scaler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the KEDA external scaler on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        scaler.shutdown();
        server.shutdown();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
    }
}
