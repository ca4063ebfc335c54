package io.prescient.core.store;

import java.util.List;

/**
 * What the planning loop did, kept so it can be checked later: each step's forecast (median and the
 * provisioned percentile), plan and decision. One step's records are written together or not at all.
 */
public interface PlanningJournal {

    /**
     * One planning step of one workload.
     *
     * @param runId      the loop run
     * @param workload   the workload's name
     * @param originTs   epoch seconds of the first forecast step
     * @param stepSeconds grid step
     * @param percentile the percentile provisioned for
     * @param median     forecast median per step (empty when the step held without a forecast)
     * @param upper      forecast percentile per step (same length as median)
     * @param capacity   planned capacity per step (empty when held)
     * @param fromUnits  units in place before
     * @param units      units ordered
     * @param held       whether the loop held the capacity because it could not plan
     * @param actuator   the actuator's name (dry-run, file, ...)
     * @param reason     why
     * @param model      the model that made the forecast: the registry version's id when the loop served one,
     *                   else the model's name
     */
    record Step(String runId, String workload, long originTs, long stepSeconds, double percentile, double[] median,
                double[] upper, double[] capacity, double fromUnits, double units, boolean held, String actuator,
                String reason, String model) {
    }

    /** What the actuator did with a recorded step's decision. */
    enum Actuation {
        /** nothing was changed: the loop logs its decisions only */
        DRY_RUN,
        /** the actuator accepted the decision */
        APPLIED,
        /** the actuator failed or refused it */
        FAILED
    }

    /** Records a step before its decision reaches the actuator (its action's status: {@code recorded}). */
    void record(Step step);

    /**
     * Records what became of a recorded step's decision once the actuator was asked (the action's
     * status becomes {@code dry-run}, {@code applied} or {@code failed}, with {@code detail}); a crash in
     * between leaves it {@code recorded}, so a decision that may not have been applied can be told apart.
     */
    void actuated(Step step, Actuation outcome, String detail);

    /** The steps of a run, oldest first. */
    List<Step> steps(String runId);

    /** A workload's latest step in any run (the units it left in place), if any. */
    java.util.Optional<Step> latest(String workload);

    /** A workload's latest step that changed its units, if any. */
    java.util.Optional<Step> latestChange(String workload);

    /** A workload's latest {@code limit} steps in any run, oldest first (a restarted loop's forecasts still to score). */
    List<Step> recent(String workload, int limit);
}
