package io.prescient.plan.replay;

import java.util.List;

/**
 * The integer-replica variant of a policy family: its capacity divided by a replica's capacity and
 * rounded up to whole replicas, as the replay protocol's variant asks.
 */
public final class WholeReplicas implements PolicyFamily {

    private final PolicyFamily inner;
    private final double replicaCapacity;

    /** @throws IllegalArgumentException unless the replica capacity is positive */
    public WholeReplicas(PolicyFamily inner, double replicaCapacity) {
        if (!(replicaCapacity > 0)) {
            throw new IllegalArgumentException("replica capacity must be > 0, got " + replicaCapacity);
        }
        this.inner = inner;
        this.replicaCapacity = replicaCapacity;
    }

    /** Every family of the list, rounded to whole replicas. */
    public static List<PolicyFamily> all(List<PolicyFamily> families, double replicaCapacity) {
        return families.stream().map(f -> (PolicyFamily) new WholeReplicas(f, replicaCapacity)).toList();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<String> members() {
        return inner.members();
    }

    @Override
    public double[][] capacities(double[] demand, ReplaySettings settings) {
        double[][] c = inner.capacities(demand, settings);
        for (double[] member : c) {
            for (int t = 0; t < member.length; t++) {
                member[t] = Math.ceil(member[t] / replicaCapacity - 1e-9) * replicaCapacity;
            }
        }
        return c;
    }
}
