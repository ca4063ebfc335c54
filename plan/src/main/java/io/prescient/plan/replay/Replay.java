package io.prescient.plan.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs every member of every policy family over every trace and scores them as the replay
 * protocol says: steps from the warm-up's end on, pooled over series, and per series for the SLO
 * headline. Series run in parallel; the result does not depend on the thread count.
 */
public final class Replay {

    /** A series' violation rate at or under this meets the per-workload SLO. */
    public static final double SLO_VIOLATION = 0.01;

    private final List<PolicyFamily> families;
    private final ReplaySettings settings;
    private final int threads;

    public Replay(List<PolicyFamily> families, ReplaySettings settings, int threads) {
        this.families = List.copyOf(families);
        this.settings = settings;
        this.threads = Math.max(1, threads);
    }

    /** The protocol's families: oracle, the reactive sweep, static peak, and Prescient's planner. */
    public static List<PolicyFamily> protocolFamilies() {
        return List.of(new OraclePolicy(), ReactivePolicy.protocolSweep(), new StaticPeakPolicy(),
                PredictivePolicy.defaultSweep());
    }

    /** Sums of one member over one series. */
    private record Tally(double capacity, double demand, long violations, double unmet, long steps) {
    }

    /**
     * @param progress told the number of series done
     * @throws IllegalArgumentException if no trace is longer than the warm-up plus the lead
     */
    public List<MemberScore> run(List<DemandTrace> traces, IntConsumer progress) {
        List<DemandTrace> usable = traces.stream().filter(t -> t.length() > settings.warmup() + settings.lead()).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no series is longer than the warm-up (" + settings.warmup()
                    + " steps) plus the lead (" + settings.lead() + "): nothing to score");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "prescient-replay");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Tally[][]>> futures = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            for (DemandTrace trace : usable) {
                futures.add(pool.submit(() -> {
                    Tally[][] t = score(trace.demand());
                    progress.accept(done.incrementAndGet());
                    return t;
                }));
            }
            List<Tally[][]> perSeries = new ArrayList<>();
            for (Future<Tally[][]> f : futures) {
                perSeries.add(f.get());
            }
            return pool(perSeries);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Tally[][] score(double[] demand) {
        Tally[][] out = new Tally[families.size()][];
        for (int f = 0; f < families.size(); f++) {
            double[][] capacities = families.get(f).capacities(demand, settings);
            out[f] = new Tally[capacities.length];
            for (int m = 0; m < capacities.length; m++) {
                double[] c = capacities[m];
                double sumC = 0;
                double sumD = 0;
                double unmet = 0;
                long violations = 0;
                for (int t = settings.warmup(); t < demand.length; t++) {
                    sumC += c[t];
                    sumD += demand[t];
                    if (demand[t] > c[t]) {
                        violations++;
                        unmet += demand[t] - c[t];
                    }
                }
                out[f][m] = new Tally(sumC, sumD, violations, unmet, demand.length - settings.warmup());
            }
        }
        return out;
    }

    private List<MemberScore> pool(List<Tally[][]> perSeries) {
        List<MemberScore> scores = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            List<String> members = families.get(f).members();
            for (int m = 0; m < members.size(); m++) {
                double capacity = 0;
                double demand = 0;
                double unmet = 0;
                long violations = 0;
                long steps = 0;
                double[] rates = new double[perSeries.size()];
                int compliant = 0;
                for (int s = 0; s < perSeries.size(); s++) {
                    Tally t = perSeries.get(s)[f][m];
                    capacity += t.capacity();
                    demand += t.demand();
                    unmet += t.unmet();
                    violations += t.violations();
                    steps += t.steps();
                    rates[s] = (double) t.violations() / t.steps();
                    if (rates[s] <= SLO_VIOLATION) {
                        compliant++;
                    }
                }
                Arrays.sort(rates);
                double p90 = rates[Math.max(0, (int) Math.ceil(0.9 * rates.length) - 1)];
                scores.add(new MemberScore(families.get(f).name(), members.get(m), (double) violations / steps,
                        capacity / demand, unmet / demand, (double) compliant / perSeries.size(), p90));
            }
        }
        return scores;
    }
}
