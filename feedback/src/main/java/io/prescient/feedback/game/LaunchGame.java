package io.prescient.feedback.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Teams choose launch days (from their preferred day to the end of the window) on shared capacity; a
 * team with several launches moves them together.
 * A team's cost is its delay cost plus the congestion its launch meets: congestion x size x
 * sum over its live days of max(0, utilisation - threshold)^2, utilisation being everyone's demand
 * (base plus launched teams) over the day's capacity. Best-response dynamics (each team in turn
 * moves to its cheapest day given the others) find pure Nash equilibria; restarts from random
 * profiles test uniqueness; coordinate descent with restarts approximates the cooperative optimum
 * (least total cost), the launch timing to recommend.
 */
public final class LaunchGame {

    /** A pure-strategy equilibrium and what it costs. */
    public record Outcome(int[] days, double[] costs, double total, int rounds, boolean converged) {
    }

    /** The equilibria found, whether they agree, and the cooperative optimum. */
    public record Analysis(Outcome nash, boolean unique, int distinctEquilibria, Outcome cooperative, double priceOfAnarchy) {
    }

    private final double[] base;
    private final double[] capacity;
    private final List<Team> teams;
    private final double threshold;
    private final double congestion;

    public LaunchGame(double[] base, double[] capacity, List<Team> teams, double threshold, double congestion) {
        if (base.length != capacity.length) {
            throw new IllegalArgumentException("base demand and capacity need one value per day");
        }
        for (Team t : teams) {
            if (t.preferredDay() < 0 || t.preferredDay() >= base.length) {
                throw new IllegalArgumentException("team " + t.name() + " prefers day " + t.preferredDay() + ", outside the "
                        + base.length + "-day window");
            }
        }
        this.base = base.clone();
        this.capacity = capacity.clone();
        this.teams = List.copyOf(teams);
        this.threshold = threshold;
        this.congestion = congestion;
    }

    /** Each team's cost under a profile of (first) launch days. */
    public double[] costs(int[] days) {
        int n = base.length;
        double[] load = base.clone();
        for (int i = 0; i < teams.size(); i++) {
            Team team = teams.get(i);
            for (int k = 0; k < team.launches(); k++) {
                for (int t = days[i] + team.offsets()[k]; t < n; t++) {
                    load[t] += team.sizes()[k];
                }
            }
        }
        double[] over = new double[n + 1];
        for (int t = n - 1; t >= 0; t--) {
            double excess = Math.max(0, load[t] / capacity[t] - threshold);
            over[t] = over[t + 1] + excess * excess;
        }
        double[] out = new double[teams.size()];
        for (int i = 0; i < teams.size(); i++) {
            Team team = teams.get(i);
            out[i] = team.delayCostPerDay() * team.launches() * (days[i] - team.preferredDay());
            for (int k = 0; k < team.launches(); k++) {
                out[i] += congestion * team.sizes()[k] * over[Math.min(n, days[i] + team.offsets()[k])];
            }
        }
        return out;
    }

    private static double sum(double[] v) {
        return Arrays.stream(v).sum();
    }

    /** Best-response dynamics from a profile, for at most {@code maxRounds} rounds. */
    public Outcome bestResponse(int[] start, int maxRounds) {
        int[] days = start.clone();
        for (int round = 1; round <= maxRounds; round++) {
            boolean moved = false;
            for (int i = 0; i < teams.size(); i++) {
                int best = days[i];
                double bestCost = costs(days)[i];
                for (int d = teams.get(i).preferredDay(); d < base.length; d++) {
                    int keep = days[i];
                    days[i] = d;
                    double c = costs(days)[i];
                    days[i] = keep;
                    if (c < bestCost - 1e-9) {
                        bestCost = c;
                        best = d;
                    }
                }
                if (best != days[i]) {
                    days[i] = best;
                    moved = true;
                }
            }
            if (!moved) {
                double[] c = costs(days);
                return new Outcome(days, c, sum(c), round, true);
            }
        }
        double[] c = costs(days);
        return new Outcome(days, c, sum(c), maxRounds, false);
    }

    /** Lowest total cost by coordinate descent from a profile. */
    Outcome cooperative(int[] start) {
        int[] days = start.clone();
        double total = sum(costs(days));
        boolean improved = true;
        int rounds = 0;
        while (improved && rounds < 200) {
            improved = false;
            rounds++;
            for (int i = 0; i < teams.size(); i++) {
                for (int d = teams.get(i).preferredDay(); d < base.length; d++) {
                    int keep = days[i];
                    days[i] = d;
                    double t = sum(costs(days));
                    if (t < total - 1e-9) {
                        total = t;
                        improved = true;
                    } else {
                        days[i] = keep;
                    }
                }
            }
        }
        double[] c = costs(days);
        return new Outcome(days, c, sum(c), rounds, !improved);
    }

    /** Nash equilibria from the preferred days and {@code restarts} random profiles; the cooperative optimum likewise. */
    public Analysis analyse(int restarts, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] preferred = teams.stream().mapToInt(Team::preferredDay).toArray();
        List<int[]> starts = new ArrayList<>();
        starts.add(preferred);
        for (int k = 0; k < restarts; k++) {
            int[] s = new int[teams.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = teams.get(i).preferredDay() + random.nextInt(base.length - teams.get(i).preferredDay());
            }
            starts.add(s);
        }
        Outcome first = null;
        Set<String> equilibria = new LinkedHashSet<>();
        Outcome bestCooperative = null;
        for (int[] s : starts) {
            Outcome nash = bestResponse(s, 100);
            if (nash.converged()) {
                equilibria.add(Arrays.toString(nash.days()));
                if (first == null) {
                    first = nash;
                }
            }
            Outcome co = cooperative(s);
            if (bestCooperative == null || co.total() < bestCooperative.total()) {
                bestCooperative = co;
            }
        }
        if (first == null) {
            first = bestResponse(preferred, 100);
        }
        Set<String> distinct = new HashSet<>(equilibria);
        double poa = bestCooperative.total() > 0 ? first.total() / bestCooperative.total() : 1;
        return new Analysis(first, distinct.size() == 1, distinct.size(), bestCooperative, poa);
    }
}
