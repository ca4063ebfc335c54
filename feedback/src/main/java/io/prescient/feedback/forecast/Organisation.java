package io.prescient.feedback.forecast;

import io.prescient.feedback.behaviour.DelayModel;
import io.prescient.feedback.behaviour.EfficiencyModel;
import io.prescient.feedback.world.HistoryRow;

import java.util.List;

/**
 * What is known about an organisation, or one draw of it when its parameters are uncertain: its days
 * with the latent quantities filled in (base demand, efficiency, pressure, slipped orders), how its
 * teams delay launches and work on efficiency, and its capacity policy.
 */
public record Organisation(List<HistoryRow> history, DelayModel delays, EfficiencyModel efficiency, OperatingFacts facts,
                           Outages outages) {

    public Organisation {
        history = List.copyOf(history);
    }

    /**
     * Outages the organisation has had: the daily chance that one starts, the share of capacity it
     * holds back and for how many days. Futures draw them at that rate.
     */
    public record Outages(double probability, double share, int days) {

        public static final Outages NONE = new Outages(0, 0, 0);

        /** From a history's outage days (1) and capacity: the rate of starts, their mean depth and length. */
        public static Outages of(List<HistoryRow> history) {
            int starts = 0;
            int outageDays = 0;
            double depth = 0;
            for (int t = 0; t < history.size(); t++) {
                HistoryRow r = history.get(t);
                if (r.capacityOutage() == 1) {
                    outageDays++;
                    if (t > 0 && history.get(t - 1).capacityOutage() == 0) {
                        starts++;
                        depth += Math.max(0, 1 - r.allocatedCapacity() / history.get(t - 1).allocatedCapacity());
                    }
                }
            }
            if (starts == 0) {
                return NONE;
            }
            return new Outages((double) starts / Math.max(1, history.size() - outageDays), Math.min(0.9, depth / starts),
                    Math.max(1, Math.round((float) outageDays / starts)));
        }
    }
}
