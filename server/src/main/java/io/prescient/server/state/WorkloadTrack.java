package io.prescient.server.state;

import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CostComparison;
import io.prescient.plan.capacity.Pricing;

import io.prescient.forecast.History;
import io.prescient.plan.loop.Decision;
import io.prescient.plan.loop.LoopRound;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One workload's running record, written by the loop thread only: after each round (on either
 * clock) it folds in the decision, the forecast and the history the round saw, and returns a fresh
 * {@link WorkloadSnapshot}. Calibration counts, for every forecast whose horizon has passed, how
 * often the actual fell at or below each kept quantile.
 */
final class WorkloadTrack {

    private static final int ACCURACY_POINTS = 500;

    private final String name;
    private final String unit;
    private final double unitCapacity;
    private final CapacityModel capacityModel;
    private final Pricing pricing;
    private final int shown;
    /** Units in place from each decision's time on (the units before its order, which takes the lead time to arrive). */
    private final TreeMap<Long, Double> unitsInPlace = new TreeMap<>();
    /** Units each decision ordered, by its time: in place a lead time later (what the costs count). */
    private final TreeMap<Long, Double> unitsOrdered = new TreeMap<>();
    private final Deque<ForecastBands> pending = new ArrayDeque<>();
    private final long[] below = new long[ForecastBands.LEVELS.size()];
    private final List<WorkloadSnapshot.AccuracyPoint> accuracy = new ArrayList<>();
    private final List<String> drifts = new ArrayList<>();
    private long scored;
    private int rounds;
    private int orders;
    private int holds;
    private int cappedSteps;
    private double shortfall;

    /** @param shown steps of recent demand a snapshot carries */
    WorkloadTrack(String name, String unit, CapacityModel capacity, Pricing pricing, int shown) {
        this.name = name;
        this.unit = unit;
        this.unitCapacity = capacity.unitCapacity();
        this.capacityModel = capacity;
        this.pricing = pricing;
        this.shown = shown;
    }

    String name() {
        return name;
    }

    WorkloadSnapshot after(LoopRound round) {
        Decision d = round.outcome().decision();
        rounds++;
        orders += d.changes() ? 1 : 0;
        holds += d.held() ? 1 : 0;
        unitsInPlace.put(round.time(), d.from());
        unitsOrdered.put(round.time(), d.units());
        round.drift().ifPresent(x -> drifts.add(java.time.Instant.ofEpochSecond(x.time()) + ": coverage "
                + String.format(java.util.Locale.ROOT, "%.3f", x.coverage()) + " -> " + x.action()));
        settle(round.seen());
        Optional<ForecastBands> bands = round.outcome().forecast().filter(f -> !d.held()).map(ForecastBands::of);
        bands.ifPresent(pending::add);
        if (round.accuracy().points() > 0) {
            accuracy.add(new WorkloadSnapshot.AccuracyPoint(round.time(), round.accuracy().meanAbsoluteError(), round.accuracy().coverage()));
            if (accuracy.size() > ACCURACY_POINTS) {
                accuracy.remove(0);
            }
        }
        double[] plan = d.plan().map(p -> p.capacity()).orElse(new double[0]);
        cappedSteps = d.plan().map(p -> p.cappedSteps()).orElse(0);
        shortfall = d.plan().map(p -> p.shortfall()).orElse(0.0);
        return snapshot(round.seen(), round.time(), d.units(), bands, plan, d.held(), d.reason(), round.outcome().model());
    }

    /** Scores the forecasts whose horizon the history seen now covers. */
    private void settle(History seen) {
        long end = seen.grid().end();
        while (!pending.isEmpty() && pending.peek().times()[pending.peek().times().length - 1] < end) {
            ForecastBands b = pending.poll();
            for (int h = 0; h < b.times().length; h++) {
                long t = b.times()[h];
                if (!seen.grid().onPhase(t)) {
                    continue;
                }
                long i = seen.grid().indexOf(t);
                double actual = i >= 0 && i < seen.length() ? seen.target((int) i) : Double.NaN;
                if (Double.isNaN(actual)) {
                    continue;
                }
                scored++;
                for (int k = 0; k < below.length; k++) {
                    below[k] += actual <= b.quantiles()[k][h] ? 1 : 0;
                }
            }
        }
    }

    private WorkloadSnapshot snapshot(History seen, long now, double units, Optional<ForecastBands> bands, double[] plan, boolean held,
                                      String reason, String model) {
        int from = Math.max(0, seen.length() - shown);
        int n = seen.length() - from;
        long[] times = new long[n];
        double[] demand = new double[n];
        double[] capacity = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = seen.grid().timeAt(from + i);
            demand[i] = seen.target(from + i);
            Map.Entry<Long, Double> inPlace = unitsInPlace.floorEntry(times[i]);
            capacity[i] = inPlace == null ? Double.NaN : inPlace.getValue() * unitCapacity;
        }
        // the costs count an order from when it arrives, a lead time after its decision (before any arrived: what was there)
        long lead = capacityModel.leadSteps() * seen.grid().stepSeconds();
        double[] arrived = new double[n];
        for (int i = 0; i < n; i++) {
            Map.Entry<Long, Double> ordered = unitsOrdered.floorEntry(times[i] - lead);
            arrived[i] = ordered == null ? capacity[i] : ordered.getValue() * unitCapacity;
        }
        Long oldestShown = n > 0 ? unitsInPlace.floorKey(times[0]) : null;
        if (oldestShown != null) {
            unitsInPlace.headMap(oldestShown, false).clear();
        }
        Long oldestArrived = n > 0 ? unitsOrdered.floorKey(times[0] - lead) : null;
        if (oldestArrived != null) {
            unitsOrdered.headMap(oldestArrived, false).clear();
        }
        double[] calibration = new double[below.length];
        for (int i = 0; i < below.length; i++) {
            calibration[i] = scored == 0 ? Double.NaN : (double) below[i] / scored;
        }
        long step = seen.grid().stepSeconds();
        WorkloadSnapshot.Costs costs = new WorkloadSnapshot.Costs(pricing, CostComparison.planCost(plan, step, capacityModel,
                pricing.unitPrice()), CostComparison.of(demand, arrived, step, capacityModel, pricing.unitPrice()));
        return new WorkloadSnapshot(name, unit, step, now, times, demand, capacity, unitCapacity, units, bands, plan,
                held, reason, model, rounds, orders, holds, List.copyOf(accuracy), calibration, scored, List.copyOf(drifts), cappedSteps,
                shortfall, costs);
    }
}
