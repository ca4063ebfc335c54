package io.prescient.feedback.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An organisation's history as it was observed, one row a day (weekly rows are spread over their
 * days when read). Optional columns are null when the file has none.
 *
 * @param source       the file it came from
 * @param stepDays     1 for a daily file, 7 for a weekly one
 * @param demand       demand served a day (e.g. GPU-hours)
 * @param capacity     capacity available that day, in the same unit
 * @param launches     launches due that day (including ones moved to it), or null
 * @param delays       of those, how many were delayed, or null
 * @param outage       1 on days an outage held capacity back, or null
 * @param baseDemand   demand before launches and efficiency work, when the organisation knows it, or null
 * @param efficiency   share of demand saved by efficiency work, when known, or null
 * @param slipped      1 on days a capacity order slipped, when known, or null
 * @param others       every other numeric column, by its header
 */
public record ObservedHistory(String source, int stepDays, List<LocalDate> dates, double[] demand, double[] capacity,
                              int[] launches, int[] delays, int[] outage, double[] baseDemand, double[] efficiency, int[] slipped,
                              Map<String, double[]> others) {

    public ObservedHistory {
        dates = List.copyOf(dates);
        others = Map.copyOf(others);
    }

    public int days() {
        return dates.size();
    }

    /** Demand over capacity. */
    public double utilisation(int t) {
        return demand[t] / capacity[t];
    }

    /** Whether the latent columns a simulated world writes are all there (nothing needs estimating). */
    public boolean latentKnown() {
        return baseDemand != null && efficiency != null && slipped != null;
    }

    /** The first {@code n} days. */
    public ObservedHistory head(int n) {
        return new ObservedHistory(source, stepDays, dates.subList(0, n), java.util.Arrays.copyOf(demand, n),
                java.util.Arrays.copyOf(capacity, n), cut(launches, n), cut(delays, n), cut(outage, n), cut(baseDemand, n),
                cut(efficiency, n), cut(slipped, n), others.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> java.util.Arrays.copyOf(e.getValue(), n))));
    }

    private static int[] cut(int[] a, int n) {
        return a == null ? null : java.util.Arrays.copyOf(a, n);
    }

    private static double[] cut(double[] a, int n) {
        return a == null ? null : java.util.Arrays.copyOf(a, n);
    }
}
