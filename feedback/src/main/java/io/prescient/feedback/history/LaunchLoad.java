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
 * history ends is returned as pending launches (fractions of the planned ones) for the forecast.
 *
 * @param live    demand from live launches on each day of the history
 * @param pending launches moved past the history's end (sizes scaled by the share moved)
 */
public record LaunchLoad(double[] live, List<Launch> pending) {

    public static LaunchLoad of(ObservedHistory history, List<Launch> calendar, int delayDays) {
        int n = history.days();
        Map<Integer, List<Launch>> due = new HashMap<>();
        for (Launch l : calendar) {
            if (l.day() >= 0) {
                due.computeIfAbsent(l.day(), k -> new ArrayList<>()).add(l);
            }
        }
        double[] ramp = new double[n + 3];
        for (int t = 0; t < n; t++) {
            List<Launch> today = due.getOrDefault(t, List.of());
            int planned = history.launches() == null ? today.size() : history.launches()[t];
            double delayedShare = history.delays() == null || planned == 0 ? 0 : (double) history.delays()[t] / planned;
            for (Launch l : today) {
                double kept = l.size() * (1 - delayedShare);
                for (int r = 0; r < 3; r++) {
                    ramp[t + r] += kept / 3;
                }
                if (delayedShare > 0) {
                    Launch moved = new Launch(t + delayDays, l.size() * delayedShare, l.complexity(), l.riskAversion(), l.team());
                    due.computeIfAbsent(moved.day(), k -> new ArrayList<>()).add(moved);
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
        due.forEach((day, launches) -> {
            if (day >= n) {
                launches.stream().filter(l -> !calendar.contains(l)).forEach(pending::add);
            }
        });
        pending.sort(java.util.Comparator.comparingInt(Launch::day));
        return new LaunchLoad(live, pending);
    }
}
