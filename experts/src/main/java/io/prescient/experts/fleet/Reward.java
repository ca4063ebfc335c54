package io.prescient.experts.fleet;

/**
 * The reward of one VM-day, the quantity learnt policies maximise and all policies are compared
 * on: the share of the launch type's price saved, plus {@code utilisation} times the mean CPU
 * utilisation, minus a penalty per saturated share of the day ({@code productionPenalty} for
 * production VMs, {@code batchPenalty} for batch ones).
 */
public record Reward(double utilisation, double productionPenalty, double batchPenalty) {

    public static Reward defaults() {
        return new Reward(0.5, 24, 6);
    }

    public double of(Resource resource, ResourceDay day) {
        double saving = 1 - day.type().hourlyUsd() / resource.launch().hourlyUsd();
        double penalty = resource.tag() == Tag.PRODUCTION ? productionPenalty : batchPenalty;
        return saving + utilisation * day.utilisation() - penalty * day.violationHours() / 24.0;
    }
}
