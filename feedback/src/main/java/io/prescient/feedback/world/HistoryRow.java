package io.prescient.feedback.world;

import java.time.LocalDate;

/**
 * One simulated day, in the documented history format.
 *
 * @param plannedLaunches    launches due that day (including ones delayed to it)
 * @param delayedLaunches    of those, how many the teams delayed
 * @param efficiencyGains    share of demand saved by efficiency work
 * @param utilizationPressure pressure teams felt (from yesterday's utilisation)
 * @param deliveryShock      1 when a capacity order placed that day slipped, else 0
 * @param capacityOutage     1 when an exogenous disruption held capacity back that day, else 0
 */
public record HistoryRow(LocalDate date, double baseDemand, int plannedLaunches, double actualDemand, double allocatedCapacity,
                         double utilization, int delayedLaunches, double efficiencyGains, double utilizationPressure,
                         int deliveryShock, int capacityOutage) {

    public static final String HEADER = "date,base_demand,planned_launches,actual_demand,allocated_capacity,utilization,"
            + "delayed_launches,efficiency_gains,utilization_pressure,delivery_shock,capacity_outage";

    public String csv() {
        return String.format(java.util.Locale.ROOT, "%s,%.6f,%d,%.6f,%.6f,%.6f,%d,%.6f,%.6f,%d,%d", date, baseDemand,
                plannedLaunches, actualDemand, allocatedCapacity, utilization, delayedLaunches, efficiencyGains, utilizationPressure,
                deliveryShock, capacityOutage);
    }
}
