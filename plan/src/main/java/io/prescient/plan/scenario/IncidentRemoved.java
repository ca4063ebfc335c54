package io.prescient.plan.scenario;

import io.prescient.core.TimeGrid;

import java.util.Set;

/**
 * A past incident (an outage, a runaway job, a bad deploy) removed from the history: each step in
 * the window takes the value of the same time of day in the nearest earlier season outside it (a
 * missing value when there is none), so the model does not learn the incident as demand.
 *
 * @param from epoch seconds, inclusive
 * @param to   epoch seconds, exclusive
 */
public record IncidentRemoved(String name, String target, long from, long to) implements HistoryEdit {

    public IncidentRemoved {
        if (to <= from) {
            throw new IllegalArgumentException("incident '" + name + "' ends before it starts");
        }
    }

    @Override
    public double[] edit(TimeGrid grid, double[] values, int season) {
        double[] out = values.clone();
        for (int t = 0; t < values.length; t++) {
            if (inside(grid.timeAt(t))) {
                out[t] = Double.NaN;
                for (int s = t - Math.max(1, season); s >= 0; s -= Math.max(1, season)) {
                    if (!inside(grid.timeAt(s)) && !Double.isNaN(values[s])) {
                        out[t] = values[s];
                        break;
                    }
                }
            }
        }
        return out;
    }

    private boolean inside(long time) {
        return time >= from && time < to;
    }

    /** {@code type: incident}: from and to. */
    public static final class Type implements ScenarioType {

        @Override
        public String type() {
            return "incident";
        }

        @Override
        public Set<String> keys() {
            return Set.of("from", "to");
        }

        @Override
        public String describe() {
            return "a past incident removed from the history the model learns from: from, to";
        }

        @Override
        public Scenario read(ScenarioFields f) {
            long from = (long) f.instant("from");
            long to = (long) f.instant("to");
            if (to <= from) {
                throw f.error("to", "a time after 'from'");
            }
            if (f.has("probability")) {
                throw f.error("probability", "no probability: an incident edits the history, it always applies");
            }
            return new IncidentRemoved(f.name(), f.target(), from, to);
        }
    }
}
