package io.prescient.flink;

import io.prescient.core.store.PlanningJournal;

import java.util.Arrays;

/**
 * One planning round of one workload, as the job emits it (JSON, one object per round): the decision
 * and, unless it held, the forecast median and provisioned percentile and the planned capacity over
 * the horizon, from {@code time} on, and the model that made it (a registry version's id, or the model's
 * name). The same fields as the store's journal.
 */
public record PlanRecord(String workload, long time, long stepSeconds, double percentile, double from, double units, boolean held,
                         String reason, double[] median, double[] upper, double[] capacity, String model) {

    /** A journal step as the job would emit it. */
    public static PlanRecord of(PlanningJournal.Step s) {
        return new PlanRecord(s.workload(), s.originTs(), s.stepSeconds(), s.percentile(), s.fromUnits(), s.units(), s.held(), s.reason(),
                s.median(), s.upper(), s.capacity(), s.model());
    }

    /** Whether two records say the same (arrays compared by value). */
    public boolean same(PlanRecord o) {
        return workload.equals(o.workload) && time == o.time && stepSeconds == o.stepSeconds && percentile == o.percentile && from == o.from
                && units == o.units && held == o.held && reason.equals(o.reason) && Arrays.equals(median, o.median)
                && Arrays.equals(upper, o.upper) && Arrays.equals(capacity, o.capacity) && model.equals(o.model);
    }
}
