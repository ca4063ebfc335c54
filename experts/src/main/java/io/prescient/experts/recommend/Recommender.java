package io.prescient.experts.recommend;

import io.prescient.core.TimeGrid;
import io.prescient.experts.catalogue.InstanceType;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.FleetFiles;
import io.prescient.experts.fleet.Observation;
import io.prescient.experts.learn.ExpertPolicy;
import io.prescient.experts.learn.LearntPolicy;
import io.prescient.experts.learn.StateFeatures;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;


/**
 * Turns the learnt policy's moves into recommendations a person can check. For each VM whose most
 * probable move is a change: the monthly price difference; the next week's CPU demand forecast by
 * the forecasting engine (sample paths on the VM's hourly history) read against the new type, as
 * P95 utilisation, expected saturated hours and the chance of any; memory against the new type; the
 * {@code k} expert decisions made in the most similar situations (nearest state features) and how
 * many of them made the same kind of change; and the policy's own probability. P95 utilisation and the
 * saturated hours are read from the same simulated futures, so the text cannot say a P95 above the
 * type's capacity beside no chance of saturation. Each is ranked by its expected net benefit (the
 * saving less the expected saturated hours at a price), flagged with a material risk of saturation
 * and withheld with a high one ({@link Recommendation#risk}).
 */
public final class Recommender {

    private static final double HOURS_PER_MONTH = 730;
    private static final int WEEK = 168;

    private final ExpertPolicy policy;
    private final ActionSpace space;
    private final Forecaster forecaster;
    private final int k;
    private final int paths;
    private final double saturatedHourUsd;

    /** @param saturatedHourUsd what an hour of CPU demand above the new type's vCPUs costs (slow responses, a revert) */
    public Recommender(ExpertPolicy policy, ActionSpace space, Forecaster forecaster, int k, int paths, double saturatedHourUsd) {
        this.policy = policy;
        this.space = space;
        this.forecaster = forecaster;
        this.k = k;
        this.paths = paths;
        this.saturatedHourUsd = saturatedHourUsd;
    }

    /** Best first: by expected net benefit, withheld ones (high risk) last. */
    public static List<Recommendation> ranked(List<Recommendation> all) {
        List<Recommendation> out = new ArrayList<>(all);
        out.sort(java.util.Comparator.comparing(Recommendation::withheld).thenComparing(Recommendation::expectedNetUsd,
                java.util.Comparator.reverseOrder()));
        return out;
    }

    public List<Recommendation> recommend(FleetFiles.Recorded fleet) {
        List<Observation> observations = fleet.latest();
        Map<String, FleetFiles.Listed> vms = fleet.vms().stream().collect(Collectors.toMap(FleetFiles.Listed::resource, Function.identity()));
        double[][] p = new LearntPolicy(policy.network(), space, true).probabilities(observations);
        List<Recommendation> out = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            int best = argmax(p[i]);
            ActionSpace.Move move = space.move(best);
            InstanceType to = space.apply(o.type(), move);
            if (to.equals(o.type())) {
                continue;
            }
            FleetFiles.Listed vm = vms.get(o.resource());
            double[] cpu = fleet.usage().get(o.resource())[0];
            out.add(explain(vm, o, to, move, p[i][best], cpu, fleet.start().getEpochSecond()));
        }
        return out;
    }

    private Recommendation explain(FleetFiles.Listed vm, Observation o, InstanceType to, ActionSpace.Move move, double confidence,
                                   double[] cpu, long start) {
        double savings = (o.type().hourlyUsd() - to.hourlyUsd()) * HOURS_PER_MONTH;
        Forecast f = forecaster.fit(History.of(new TimeGrid(start, 3600, cpu.length), cpu, true)).forecast(WEEK);
        double[][] sample = f.samplePaths(paths, new java.util.SplittableRandom(o.resource().hashCode()));
        double hours = 0;
        int any = 0;
        for (double[] path : sample) {
            int n = 0;
            for (double v : path) {
                n += v > to.vcpu() ? 1 : 0;
            }
            hours += (double) n / sample.length;
            any += n > 0 ? 1 : 0;
        }
        // P95 over every simulated hour of every path: the same futures the saturated hours are counted on
        double[] pooled = Arrays.stream(sample).flatMapToDouble(Arrays::stream).sorted().toArray();
        double cpuAfter = pooled[(int) Math.ceil(0.95 * pooled.length) - 1] / to.vcpu();
        double cpuBefore = o.cpuUtilisation(0.95);
        double memoryAfter = o.memoryQuantile(0.95) / to.memoryGib();
        int[] similar = similar(StateFeatures.of(o, space));
        int agreeing = 0;
        for (int s : similar) {
            agreeing += kind(space.move(policy.evidenceMoves()[s]), family(policy.evidenceStates()[s]))
                    .equals(kind(move, space.familyOf(o.type()))) ? 1 : 0;
        }
        String id = vm.account() + "/" + vm.resource() + "->" + to.name();
        double risk = (double) any / sample.length;
        double net = savings - hours * 52.0 / 12 * saturatedHourUsd;
        String level = Recommendation.riskOf(risk);
        String text = String.format(Locale.ROOT,
                "%s (%s) on %s: %s to %s. %s $%.2f a month ($%.3f/h to $%.3f/h). Last week's P95 CPU was %.0f%% of %d vCPUs; "
                        + "the forecast puts next week's P95 at %.0f%% of %d vCPUs, with %.1f expected saturated hours "
                        + "(chance of any: %.0f%%); P95 memory would be %.0f%% of %.0f GiB. In the %d most similar situations, "
                        + "%d expert decisions were the same kind of change (%s). Policy confidence %.0f%%. Expected net benefit "
                        + "$%.2f a month after the saturated hours it risks at $%.2f each.%s",
                vm.resource(), vm.tag().label(), o.type().name(), kind(move, space.familyOf(o.type())), to.name(),
                savings >= 0 ? "Saves" : "Costs more by", Math.abs(savings), o.type().hourlyUsd(), to.hourlyUsd(),
                100 * cpuBefore, o.type().vcpu(), 100 * cpuAfter, to.vcpu(), hours, 100.0 * any / sample.length,
                100 * memoryAfter, to.memoryGib(), similar.length, agreeing, kind(move, space.familyOf(o.type())), 100 * confidence, net,
                saturatedHourUsd, level.equals("high") ? " Withheld: a saturated hour is more likely than not."
                        : level.equals("material") ? " Flagged: a material chance of saturation; review before applying." : "");
        return new Recommendation(id, vm.account(), vm.resource(), vm.tag().label(), o.type().name(), to.name(), savings, cpuBefore,
                cpuAfter, memoryAfter, hours, risk, similar.length, agreeing, confidence, text, net, level);
    }

    /** Kinds of change, as a person would name them. */
    private String kind(ActionSpace.Move m, int currentFamily) {
        boolean family = m.family() != currentFamily;
        String size = m.step() < 0 ? "downsize" : m.step() > 0 ? "upsize" : "";
        if (family) {
            return size.isEmpty() ? "move to " + space.families().get(m.family()) : size + " into " + space.families().get(m.family());
        }
        return size.isEmpty() ? "keep" : size;
    }

    /** The family index a state's one-hot features name. */
    private static int family(float[] state) {
        for (int f = 0; f < 3; f++) {
            if (state[6 + f] == 1) {
                return f;
            }
        }
        return 0;
    }

    private int[] similar(float[] x) {
        float[][] states = policy.evidenceStates();
        Integer[] index = new Integer[states.length];
        double[] distance = new double[states.length];
        for (int i = 0; i < states.length; i++) {
            index[i] = i;
            double d = 0;
            for (int j = 0; j < x.length; j++) {
                d += (states[i][j] - x[j]) * (states[i][j] - x[j]);
            }
            distance[i] = d;
        }
        Arrays.sort(index, (a, b) -> Double.compare(distance[a], distance[b]));
        return Arrays.stream(index).limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int a = 1; a < p.length; a++) {
            if (p[a] > p[best]) {
                best = a;
            }
        }
        return best;
    }
}
