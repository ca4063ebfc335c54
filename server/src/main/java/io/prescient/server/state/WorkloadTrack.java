package io.prescient.server.state;

import io.prescient.plan.loop.Decision;
import io.prescient.plan.loop.SimulatedClockLoop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One workload's running record, written by the loop thread only: after each round it folds in the
 * decision and forecast and returns a fresh {@link WorkloadSnapshot}. Calibration counts, for every
 * forecast whose horizon has passed, how often the actual fell at or below each kept quantile.
 */
final class WorkloadTrack {

    private static final int ACCURACY_POINTS = 500;

    private final SimulatedClockLoop.Workload workload;
    private final String unit;
    private final double unitCapacity;
    private final int shown;
    private final double[] unitsInPlace;
    private final Deque<Object[]> pending = new ArrayDeque<>();
    private final long[] below = new long[ForecastBands.LEVELS.size()];
    private final List<WorkloadSnapshot.AccuracyPoint> accuracy = new ArrayList<>();
    private final List<String> drifts = new ArrayList<>();
    private long scored;
    private int rounds;
    private int orders;
    private int holds;

    WorkloadTrack(SimulatedClockLoop.Workload workload, String unit, double unitCapacity, int shown) {
        this.workload = workload;
        this.unit = unit;
        this.unitCapacity = unitCapacity;
        this.shown = shown;
        this.unitsInPlace = new double[workload.demand().length];
        Arrays.fill(unitsInPlace, Double.NaN);
    }

    String name() {
        return workload.name();
    }

    /** The snapshot before any round: recent demand up to the start of the window. */
    WorkloadSnapshot initial() {
        return snapshot(workload.from(), workload.initialUnits(), Optional.empty(), new double[0], false, "not planned yet");
    }

    WorkloadSnapshot after(SimulatedClockLoop.Cursor.Round round, int every, SimulatedClockLoop.Accuracy total) {
        int t = round.step();
        Decision d = round.outcome().decision();
        rounds++;
        orders += d.changes() ? 1 : 0;
        holds += d.held() ? 1 : 0;
        for (int s = t; s < Math.min(t + every, unitsInPlace.length); s++) {
            unitsInPlace[s] = d.from();
        }
        round.drift().ifPresent(x -> drifts.add(java.time.Instant.ofEpochSecond(x.time()) + ": coverage "
                + String.format(java.util.Locale.ROOT, "%.3f", x.coverage()) + " -> " + x.action()));
        settle(t);
        Optional<ForecastBands> bands = round.outcome().forecast().filter(f -> !d.held()).map(ForecastBands::of);
        bands.ifPresent(b -> pending.add(new Object[] {t, b}));
        if (total.points() > 0) {
            accuracy.add(new WorkloadSnapshot.AccuracyPoint(workload.grid().timeAt(t), total.meanAbsoluteError(), total.coverage()));
            if (accuracy.size() > ACCURACY_POINTS) {
                accuracy.remove(0);
            }
        }
        double[] plan = d.plan().map(p -> p.capacity()).orElse(new double[0]);
        return snapshot(t + 1, d.units(), bands, plan, d.held(), d.reason());
    }

    private void settle(int now) {
        double[] y = workload.demand();
        while (!pending.isEmpty()) {
            int origin = (Integer) pending.peek()[0];
            ForecastBands b = (ForecastBands) pending.peek()[1];
            if (origin + b.times().length > now) {
                return;
            }
            pending.poll();
            for (int h = 0; h < b.times().length && origin + h < y.length; h++) {
                double actual = y[origin + h];
                if (Double.isNaN(actual)) {
                    continue;
                }
                scored++;
                for (int i = 0; i < below.length; i++) {
                    below[i] += actual <= b.quantiles()[i][h] ? 1 : 0;
                }
            }
        }
    }

    /** {@code end}: the first step not yet seen. */
    private WorkloadSnapshot snapshot(int end, double units, Optional<ForecastBands> bands, double[] plan, boolean held, String reason) {
        int from = Math.max(0, end - shown);
        int n = end - from;
        long[] times = new long[n];
        double[] demand = new double[n];
        double[] capacity = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = workload.grid().timeAt(from + i);
            demand[i] = workload.demand()[from + i];
            capacity[i] = unitsInPlace[from + i] * unitCapacity;
        }
        double[] calibration = new double[below.length];
        for (int i = 0; i < below.length; i++) {
            calibration[i] = scored == 0 ? Double.NaN : (double) below[i] / scored;
        }
        return new WorkloadSnapshot(workload.name(), unit, workload.grid().stepSeconds(),
                workload.grid().timeAt(Math.max(0, end - 1)), times, demand, capacity, unitCapacity, units, bands, plan, held, reason,
                rounds, orders, holds, List.copyOf(accuracy), calibration, scored, List.copyOf(drifts));
    }
}
