package io.prescient.experts.catalogue;

/**
 * An instance type and what it costs.
 *
 * @param family    e.g. m6i (general purpose), c6i (compute), r6i (memory)
 * @param size      e.g. large, xlarge, 2xlarge
 * @param vcpu      virtual CPUs
 * @param memoryGib memory in GiB
 * @param hourlyUsd on-demand price per hour, USD
 */
public record InstanceType(String family, String size, int vcpu, double memoryGib, double hourlyUsd) {

    /** The API name, e.g. m6i.xlarge. */
    public String name() {
        return family + "." + size;
    }

    /** A 30-day month at the hourly price. */
    public double monthlyUsd() {
        return hourlyUsd * 24 * 30;
    }
}
