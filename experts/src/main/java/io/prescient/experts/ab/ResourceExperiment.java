package io.prescient.experts.ab;

import io.prescient.experiment.Assignment;
import io.prescient.experiment.Outcomes;
import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.FleetFiles;
import io.prescient.experts.fleet.ResourceDay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An A/B test of recommendations on an organisation's own resources, measured from its own files:
 * the resources are assigned (stratified by their last week's cost) for people to apply the
 * recommendations to the treated ones; afterwards each resource's outcomes are read from the fleet's
 * recorded metrics and types, one look per full week since the start: the change in daily cost
 * against the week before the start (a ratio, so big and small resources weigh alike), mean CPU
 * utilisation, and saturated hours per day. The analysis is the experiment module's.
 */
public final class ResourceExperiment {

    public static final String COST = "cost_change";
    public static final String UTILISATION = "utilisation";
    public static final String SATURATION = "saturated_hours_per_day";

    private ResourceExperiment() {
    }

    /** Every resource of the fleet, stratified by its cost over the recording's last seven days. */
    public static Assignment assign(FleetFiles.Recorded fleet, ActionSpace space, Catalogue catalogue, String name, long seed) {
        List<ResourceDay> days = fleet.resourceDays(space, catalogue);
        int last = days.stream().mapToInt(ResourceDay::day).max().orElse(0);
        Map<String, Double> cost = new TreeMap<>();
        days.stream().filter(d -> d.day() > last - 7).forEach(d -> cost.merge(d.resource(), d.costUsd(), Double::sum));
        List<Assignment.Unit> units = new ArrayList<>();
        cost.forEach((resource, c) -> units.add(new Assignment.Unit(resource, "", c)));
        return Assignment.stratified(name, units, 3, seed);
    }

    /** Each assigned resource's outcomes at each full week since {@code since} (up to five looks). */
    public static Outcomes outcomes(FleetFiles.Recorded fleet, ActionSpace space, Catalogue catalogue, Assignment assignment, Instant since) {
        int start = (int) ((since.getEpochSecond() - fleet.start().getEpochSecond()) / 86400);
        if (start < 7) {
            throw new IllegalArgumentException("the test starts " + since + ", " + start + " days into the recording: its outcomes need "
                    + "the week before it (a recording from " + fleet.start() + ")");
        }
        Map<String, List<ResourceDay>> byResource = new TreeMap<>();
        fleet.resourceDays(space, catalogue).forEach(d -> byResource.computeIfAbsent(d.resource(), k -> new ArrayList<>()).add(d));
        int recorded = byResource.values().stream().mapToInt(List::size).max().orElse(0);
        int looks = Math.min(io.prescient.experiment.Looks.MAX, (recorded - start) / 7);
        if (looks < 1) {
            throw new IllegalArgumentException("a full week of the recording after " + since + " is needed for a first look");
        }
        List<Outcomes.Outcome> out = new ArrayList<>();
        for (Assignment.Unit u : assignment.units()) {
            List<ResourceDay> days = byResource.get(u.id());
            if (days == null) {
                throw new IllegalArgumentException("resource " + u.id() + " of the assignment has no recorded days in the fleet");
            }
            double before = days.stream().filter(d -> d.day() >= start - 7 && d.day() < start).mapToDouble(ResourceDay::costUsd).sum() / 7;
            for (int look = 1; look <= looks; look++) {
                int end = start + 7 * look;
                List<ResourceDay> after = days.stream().filter(d -> d.day() >= start && d.day() < end).toList();
                double cost = after.stream().mapToDouble(ResourceDay::costUsd).sum() / after.size();
                out.add(new Outcomes.Outcome(u.id(), look, COST, before > 0 ? cost / before - 1 : 0));
                out.add(new Outcomes.Outcome(u.id(), look, UTILISATION, after.stream().mapToDouble(ResourceDay::utilisation).average().orElse(0)));
                out.add(new Outcomes.Outcome(u.id(), look, SATURATION, after.stream().mapToDouble(ResourceDay::violationHours).average()
                        .orElse(0)));
            }
        }
        return new Outcomes(out);
    }
}
