package io.prescient.experts.fleet;

/** A VM's recorded hourly demand: vCPUs and GiB of memory in use (the shape a simulated VM replays). */
public record Trace(String id, double[] cpu, double[] memory) {

    public Trace {
        if (cpu.length != memory.length) {
            throw new IllegalArgumentException(id + ": cpu and memory must cover the same hours");
        }
    }

    public double cpuQuantile(double q) {
        return Observation.quantile(cpu, q);
    }

    public double memoryQuantile(double q) {
        return Observation.quantile(memory, q);
    }
}
