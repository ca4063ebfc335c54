package io.prescient.experts.fleet;

import io.prescient.experts.catalogue.InstanceType;

/**
 * A VM: hourly demand for vCPUs and memory (GiB), its tag, and the instance type it was launched on.
 */
public record Resource(String id, Tag tag, double[] cpu, double[] memory, InstanceType launch) {

    public Resource {
        if (cpu.length != memory.length) {
            throw new IllegalArgumentException(id + ": cpu and memory demand must cover the same hours");
        }
    }

    public int hours() {
        return cpu.length;
    }
}
