package io.prescient.feedback.history;

import io.prescient.feedback.world.Launch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demand from launches that went live, rebuilt from the calendar and the day's counts of launches
 * due and delayed. Which launch a team delayed is not recorded, so each launch due on a day is taken
 * as delayed in the day's share ({@code delays / launches}): that share of it moves
 * {@code delayDays} later, the rest goes live, ramped in over three days. What is still due when the
 * history ends is returned as pending launches (fractions of the planned ones) for the forecast, and
 * every launch due on a day (with the part of it that was due) for fitting delay behaviour.
 *
 * @param live    demand from live launches on each day of the history
 * @param pending launches moved past the history's end (sizes scaled by the share moved)
 * @param due     each launch due on a day, the part of it due, and the day's share delayed
 */
public record LaunchLoad(double[] live, List<Launch> pending, List<Due> due) {

    /** A launch due on a day (in part, when an earlier delay moved part of it), and the day's share of due launches delayed. */
    public record Due(int day, Launch launch, double weight, double delayedShare) {
    }

    /** @param moved whether an earlier delay moved it here (it is pending if it lands past the history) */
    private record Part(Launch launch, double weight, boolean moved) {
    }

    public static LaunchLoad of(ObservedHistory history, List<Launch> calendar, int delayDays) {
        int n = history.days();
        Map<Integer, List<Part>> due = new HashMap<>();
        for (Launch l : calendar) {
            if (l.day() >= 0) {
                due.computeIfAbsent(l.day(), k -> new ArrayList<>()).add(new Part(l, 1, false));
            }
        }
        double[] ramp = new double[n + 3];
        List<Due> decisions = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            List<Part> today = due.getOrDefault(t, List.of());
            // a weekly history counts a week's launches and delays on its first day: the week's share applies to each of its days
            int row = history.stepDays() == 7 ? t - t % 7 : t;
            int planned = history.launches() == null ? today.size() : history.launches()[row];
            double delayedShare = history.delays() == null || planned == 0 ? 0 : Math.min(1, (double) history.delays()[row] / planned);
            for (Part part : today) {
                decisions.add(new Due(t, part.launch(), part.weight(), delayedShare));
                double kept = part.launch().size() * part.weight() * (1 - delayedShare);
                for (int r = 0; r < 3; r++) {
                    ramp[t + r] += kept / 3;
                }
                if (delayedShare > 0) {
                    due.computeIfAbsent(t + delayDays, k -> new ArrayList<>()).add(new Part(part.launch(), part.weight() * delayedShare, true));
                }
            }
        }
        double[] live = new double[n];
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += ramp[t];
            live[t] = sum;
        }
        List<Launch> pending = new ArrayList<>();
        due.forEach((day, parts) -> {
            if (day >= n) {
                parts.stream().filter(Part::moved).forEach(p -> pending.add(new Launch(day, p.launch().size() * p.weight(),
                        p.launch().complexity(), p.launch().riskAversion(), p.launch().team())));
            }
        });
        pending.sort(java.util.Comparator.comparingInt(Launch::day));
        return new LaunchLoad(live, pending, decisions);
    }
}
