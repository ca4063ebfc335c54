package io.prescient.plan.loop;

import io.prescient.forecast.History;

import java.io.Serializable;

/**
 * Where a workload stands between planning rounds: the units ordered and the grid step from which
 * the last change counts for the cooldown. {@link #next} is the loop's round, shared by every way the
 * loop runs (the simulated clock, the server, the Flink job), so they plan alike.
 *
 * @param units      units ordered at the last round
 * @param lastChange grid step from which the last change counts (its order step plus the lead time)
 */
public record LoopPosition(double units, int lastChange) implements Serializable {

    /** Before any round: {@code units} in place, no change yet. */
    public static LoopPosition start(double units) {
        return new LoopPosition(units, Integer.MIN_VALUE / 2);
    }

    /** Units holding the last value observed before step {@code before} at the target utilisation, within the bounds. */
    public static double initialUnits(double[] demand, int before, io.prescient.plan.capacity.CapacityModel m) {
        double last = 0;
        for (int t = Math.min(before, demand.length) - 1; t >= 0; t--) {
            if (!Double.isNaN(demand[t])) {
                last = demand[t];
                break;
            }
        }
        double units = Math.ceil(last / (m.unitCapacity() * m.targetUtilisation()));
        return Math.max(m.minUnits(), Math.min(m.maxUnits(), units));
    }

    /** A round's outcome and the position after it. */
    public record Round(PlanningStep.Outcome outcome, LoopPosition next) {
    }

    /** Plans at grid step {@code t} from the workload's history before {@code t}. */
    public Round next(PlanningStep step, String workload, History historyBeforeT, int t) {
        PlanningStep.Outcome outcome = step.decide(workload, historyBeforeT, units, t - lastChange);
        Decision d = outcome.decision();
        return new Round(outcome, new LoopPosition(d.units(), d.changes() ? t + step.leadSteps() : lastChange));
    }
}
