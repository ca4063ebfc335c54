package io.prescient.server.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The fleet as a table at any size: workloads filtered by a search and a status class, sorted, paged,
 * with the count of each class and the workloads most at risk. Pure over the round's snapshots.
 */
public final class FleetView {

    /**
     * The classes a workload can be in (one workload may be in several).
     * {@code AT_RISK}: the next P95 peak needs more than the capacity in place, or the plan is capped.
     */
    public enum Filter {
        ALL(w -> true), AT_RISK(w -> w.risk() > 1 || w.cappedSteps() > 0), CAPPED(w -> w.cappedSteps() > 0),
        HOLDING(WorkloadSnapshot::held), DRIFTING(w -> !w.drifts().isEmpty());

        private final Predicate<WorkloadSnapshot> test;

        Filter(Predicate<WorkloadSnapshot> test) {
            this.test = test;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Filter parse(String text) {
            for (Filter f : values()) {
                if (f.label().equals(text)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("status '" + text + "': expected all, at-risk, capped, holding or drifting");
        }
    }

    /** What the table can be sorted by. */
    public enum Sort {
        NAME(null), RISK(WorkloadSnapshot::risk), DEMAND(WorkloadSnapshot::lastDemand), UTILISATION(WorkloadSnapshot::utilisation),
        UNITS(WorkloadSnapshot::units), CAPACITY(w -> w.units() * w.unitCapacity()), SHORTFALL(WorkloadSnapshot::shortfall),
        ORDERS(WorkloadSnapshot::orders), COVERAGE(WorkloadSnapshot::coverage);

        private final ToDoubleFunction<WorkloadSnapshot> key;

        Sort(ToDoubleFunction<WorkloadSnapshot> key) {
            this.key = key;
        }

        public static Sort parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort '" + text + "': expected one of " + java.util.Arrays.stream(values())
                        .map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
            }
        }

        /** The sort key of each workload, computed once (NaN, no forecast or no data, sorts below every number). */
        double key(WorkloadSnapshot w) {
            double k = key == null ? 0 : key.applyAsDouble(w);
            return Double.isNaN(k) ? Double.NEGATIVE_INFINITY : k;
        }
    }

    private record Keyed(WorkloadSnapshot w, double key) {
    }

    /**
     * A request for one page.
     *
     * @param search     case-insensitive part of the name ("" for every workload)
     * @param descending largest first
     */
    public record Query(String search, Filter filter, Sort sort, boolean descending, int offset, int limit) {
        public Query {
            search = search.trim().toLowerCase(Locale.ROOT);
            if (offset < 0 || limit < 1) {
                throw new IllegalArgumentException("need offset >= 0 and limit >= 1");
            }
        }

        /** The key a cache can hold the page under: equal for equal queries. */
        public String key() {
            return "fleet?q=" + search + "&status=" + filter.label() + "&sort=" + sort + "&desc=" + descending + "&offset=" + offset
                    + "&limit=" + limit;
        }
    }

    /**
     * @param total   workloads in the fleet
     * @param matched workloads the search and filter keep
     * @param counts  workloads in each class (of the whole fleet)
     * @param topRisk the workloads with the highest risk (next P95 peak over capacity), highest first
     * @param rows    the requested page
     */
    public record Page(int total, int matched, Map<Filter, Integer> counts, List<WorkloadSnapshot> topRisk, List<WorkloadSnapshot> rows,
                       Map<String, Object> costs) {
    }

    /** How many workloads the top-risk summary names. */
    public static final int TOP_RISK = 10;

    private FleetView() {
    }

    /**
     * The fleet's recent window: unit-hours and cost of the capacity in place and of a reactive rule on the same demand,
     * summed per currency (priced workloads only for the costs), and the share of the reactive rule's unit-hours saved.
     */
    static Map<String, Object> costs(List<WorkloadSnapshot> fleet) {
        double unitHours = 0;
        double reactiveUnitHours = 0;
        Map<String, double[]> byCurrency = new java.util.TreeMap<>();
        for (WorkloadSnapshot w : fleet) {
            io.prescient.plan.capacity.CostComparison c = w.costs().window();
            unitHours += c.unitHours();
            reactiveUnitHours += c.reactiveUnitHours();
            if (w.costs().pricing().priced() && !Double.isNaN(c.cost())) {
                double[] sums = byCurrency.computeIfAbsent(w.costs().pricing().currency(), k -> new double[3]);
                sums[0] += c.cost();
                sums[1] += c.reactiveCost();
                sums[2] += w.costs().planCost();
            }
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("unit_hours", unitHours);
        m.put("reactive_unit_hours", reactiveUnitHours);
        m.put("saving", reactiveUnitHours > 0 ? 1 - unitHours / reactiveUnitHours : Double.NaN);
        m.put("by_currency", byCurrency.entrySet().stream().map(e -> Map.of("currency", e.getKey(), "window", e.getValue()[0],
                "reactive_window", e.getValue()[1], "plan", e.getValue()[2])).toList());
        return m;
    }

    public static Page page(List<WorkloadSnapshot> fleet, Query q) {
        Map<Filter, Integer> counts = new EnumMap<>(Filter.class);
        for (Filter f : Filter.values()) {
            counts.put(f, (int) fleet.stream().filter(f.test).count());
        }
        List<Keyed> matched = new ArrayList<>();
        for (WorkloadSnapshot w : fleet) {
            if (q.filter().test.test(w) && (q.search().isEmpty() || w.name().toLowerCase(Locale.ROOT).contains(q.search()))) {
                matched.add(new Keyed(w, q.sort().key(w)));
            }
        }
        Comparator<Keyed> byName = Comparator.comparing(k -> k.w().name());
        Comparator<Keyed> order = q.sort() == Sort.NAME ? byName : Comparator.comparingDouble(Keyed::key);
        order = (q.descending() ? order.reversed() : order).thenComparing(byName);
        matched.sort(order);
        List<WorkloadSnapshot> rows = matched.subList(Math.min(q.offset(), matched.size()), Math.min(q.offset() + q.limit(), matched.size()))
                .stream().map(Keyed::w).toList();
        List<WorkloadSnapshot> top = fleet.stream().map(w -> new Keyed(w, w.risk())).filter(k -> !Double.isNaN(k.key()))
                .sorted(Comparator.comparingDouble(Keyed::key).reversed().thenComparing(k -> k.w().name())).limit(TOP_RISK)
                .map(Keyed::w).toList();
        return new Page(fleet.size(), matched.size(), counts, top, rows, costs(fleet));
    }
}
