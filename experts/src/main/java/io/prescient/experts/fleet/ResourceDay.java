package io.prescient.experts.fleet;

import io.prescient.experts.catalogue.InstanceType;

/**
 * One VM's day as monitoring and billing see it.
 *
 * @param tag           what the VM is for
 * @param costUsd       what its type cost that day
 * @param floorCostUsd  what the cheapest type holding the day's P95 usage (vCPUs and memory) would have cost
 * @param utilisation   mean hourly CPU utilisation
 * @param peak          the P95 utilisation of the binding resource (CPU or memory)
 * @param wellSized     peak between 30% and 90%, or below 30% on the smallest size
 * @param rightFamily   whether its family's memory per vCPU suits the day's P95 usage ({@link ActionSpace#familyFor})
 * @param violationHours hours at the type's vCPUs or memory (saturated: demand went unserved)
 * @param changed       whether its type changed at the start of the day
 * @param p95Cpu        the day's P95 of monitored vCPUs in use
 * @param p95MemoryGib  the day's P95 of monitored memory in use
 */
public record ResourceDay(String account, String resource, Tag tag, int day, InstanceType type, double costUsd, double floorCostUsd,
                          double utilisation, double peak, boolean wellSized, boolean rightFamily, int violationHours,
                          boolean changed, double p95Cpu, double p95MemoryGib) {

    /** The day's metrics from its hourly usage as monitored (capped at the type's capacity). */
    public static ResourceDay of(String account, String resource, Tag tag, int day, InstanceType type, double[] cpu, double[] memory,
                                 boolean changed, ActionSpace space) {
        double p95cpu = Observation.quantile(cpu, 0.95);
        double p95memory = Observation.quantile(memory, 0.95);
        double utilisation = 0;
        int violations = 0;
        for (int h = 0; h < cpu.length; h++) {
            utilisation += Math.min(1, cpu[h] / type.vcpu()) / cpu.length;
            violations += cpu[h] >= type.vcpu() * 0.999 || memory[h] >= type.memoryGib() * 0.999 ? 1 : 0;
        }
        double peak = Math.max(p95cpu / type.vcpu(), p95memory / type.memoryGib());
        boolean wellSized = peak <= 0.9 && (peak >= 0.3 || space.sizeOf(type) == 0);
        double floor = space.cheapestHolding(p95cpu, p95memory, null).hourlyUsd() * cpu.length;
        return new ResourceDay(account, resource, tag, day, type, type.hourlyUsd() * cpu.length, floor, utilisation, peak, wellSized,
                type.family().equals(space.familyFor(p95cpu, p95memory)), violations, changed, p95cpu, p95memory);
    }
}
