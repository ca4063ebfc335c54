package io.prescient.experts.learn;

import io.prescient.experts.actions.ConfigAction;
import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.catalogue.InstanceType;
import io.prescient.experts.fleet.Account;
import io.prescient.experts.fleet.AccountDay;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.ExpertScore;
import io.prescient.experts.fleet.FleetFiles;
import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.Observation;
import io.prescient.experts.fleet.Resource;
import io.prescient.experts.fleet.ResourceDay;
import io.prescient.experts.fleet.Reward;
import io.prescient.experts.fleet.RulePolicies;
import io.prescient.experts.fleet.Skill;
import io.prescient.experts.fleet.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Learning from the experts in an organisation's own files (a fleet directory: resources, hourly
 * metrics, action logs), with nothing simulated about how its operators behave. A third of the
 * accounts is held out. On the rest: the accounts are scored from their recorded outcomes; the
 * experts' logged decisions become state-action pairs (what the operator saw the week before each
 * day, and the type change the log shows that day, or none) and are cloned; PPO then fine-tunes in a
 * simulator that replays the accounts' own recorded usage. On the held-out accounts, the learnt
 * policy is run beside the rule-based rightsizer and a VPA-style recommender, and set against what
 * the accounts' own operators did (their recorded days, scored with the same reward).
 */
public final class LogLearning {

    /** What came out: the experts found, the cloning and PPO, and the held-out comparison. */
    /**
     * @param heldOut         each policy on all held-out accounts
     * @param onExperts       the learnt policy on the held-out accounts the score calls experts
     * @param loggedExperts   those accounts as their operators ran them (their recorded days)
     */
    public record Result(List<String> experts, double precision, double recall, int demonstrations, List<Step> evidence,
                         BehaviourCloning.Result cloning, Ppo.Result ppo, List<PolicyOutcome> heldOut, PolicyOutcome onExperts,
                         PolicyOutcome loggedExperts, double seconds) {

        public PolicyNetwork network() {
            return ppo.network();
        }
    }

    private final ActionSpace space;
    private final Catalogue catalogue;
    private final FleetSimulator simulator;
    private final ExpertScore score;
    private final BehaviourCloning.Settings cloning;
    private final Ppo.Settings ppo;

    public LogLearning(ActionSpace space, Catalogue catalogue, FleetSimulator simulator, ExpertScore score, BehaviourCloning.Settings cloning,
                       Ppo.Settings ppo) {
        this.space = space;
        this.catalogue = catalogue;
        this.simulator = simulator;
        this.score = score;
        this.cloning = cloning;
        this.ppo = ppo;
    }

    /** The same learning with the organisation's own scoring (its best practices). */
    public LogLearning scoredBy(ExpertScore own) {
        return new LogLearning(space, catalogue, simulator, own, cloning, ppo);
    }

    public Result learn(FleetFiles.Recorded fleet, Consumer<String> log) {
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>(new TreeSet<>(fleet.vms().stream().map(FleetFiles.Listed::account).toList()));
        Set<String> heldOut = new java.util.HashSet<>();
        for (int i = 2; i < ids.size(); i += 3) {
            heldOut.add(ids.get(i));
        }
        List<ResourceDay> days = fleet.resourceDays(space, catalogue);
        List<AccountDay> trainingDays = AccountDay.of(days.stream().filter(d -> !heldOut.contains(d.account())).toList());
        List<ExpertScore.Breakdown> scored = score.score(trainingDays, Map.of());
        List<String> experts = scored.stream().filter(ExpertScore.Breakdown::expert).map(ExpertScore.Breakdown::account).toList();
        double[] pr = {Double.NaN, Double.NaN};
        if (!fleet.truth().isEmpty()) {
            pr = ExpertScore.precisionRecall(scored, fleet.truth().entrySet().stream().filter(e -> !heldOut.contains(e.getKey())
                    && e.getValue() == Skill.EXPERT).map(Map.Entry::getKey).collect(Collectors.toSet()));
        }
        List<Step> demonstrations = demonstrations(fleet, Set.copyOf(experts));
        log.accept(String.format(java.util.Locale.ROOT, "%d of %d training accounts scored as experts from their recorded outcomes; %d of "
                + "their logged decisions to clone (%d changes)", experts.size(), ids.size() - heldOut.size(), demonstrations.size(),
                demonstrations.stream().filter(s -> space.move(s.move()).step() != 0
                        || space.move(s.move()).family() != space.familyOf(s.observation().type())).count()));
        BehaviourCloning.Result cloned = new BehaviourCloning(space, cloning).fit(demonstrations, log);
        List<Account> training = accounts(fleet, a -> !heldOut.contains(a));
        List<Account> validation = training.stream().filter(a -> Math.floorMod(a.id().hashCode(), 4) == 0).toList();
        List<Account> tuning = training.stream().filter(a -> Math.floorMod(a.id().hashCode(), 4) != 0).toList();
        Ppo.Result tuned = new Ppo(simulator, ppo).fineTune(cloned.network(), tuning, validation.isEmpty() ? tuning : validation, log);
        List<Account> test = accounts(fleet, heldOut::contains);
        RulePolicies rules = new RulePolicies(space);
        List<PolicyOutcome> outcomes = List.of(
                PolicyOutcome.of("rule-based rightsizer", simulator.run(test, a -> rules.rightsizer())),
                PolicyOutcome.of("VPA-style", simulator.run(test, a -> rules.vpaStyle())),
                PolicyOutcome.of("cloned only", simulator.run(test, a -> new LearntPolicy(cloned.network(), space, true))),
                PolicyOutcome.of("cloned + PPO", simulator.run(test, a -> new LearntPolicy(tuned.network(), space, true))));
        Set<String> testExperts = scoredHeldOutExperts(days, heldOut);
        PolicyOutcome logged = logged(fleet, days, heldOut, testExperts);
        PolicyOutcome onExperts = PolicyOutcome.of("cloned + PPO on them", simulator.run(test.stream().filter(a -> testExperts.contains(a.id()))
                .toList(), a -> new LearntPolicy(tuned.network(), space, true)));
        return new Result(experts, pr[0], pr[1], demonstrations.size(), demonstrations, cloned, tuned, outcomes, onExperts, logged,
                (System.nanoTime() - started) / 1e9);
    }

    /** The held-out accounts the score calls experts, from their own recorded outcomes. */
    private Set<String> scoredHeldOutExperts(List<ResourceDay> days, Set<String> heldOut) {
        return score.score(AccountDay.of(days.stream().filter(d -> heldOut.contains(d.account())).toList()), Map.of()).stream()
                .filter(ExpertScore.Breakdown::expert).map(ExpertScore.Breakdown::account).collect(Collectors.toSet());
    }

    /** The experts' logged state-action pairs: each decision day, what they saw the week before and the change the log shows. */
    List<Step> demonstrations(FleetFiles.Recorded fleet, Set<String> experts) {
        List<Step> out = new ArrayList<>();
        long start = fleet.start().getEpochSecond();
        for (FleetFiles.Listed vm : fleet.vms()) {
            if (!experts.contains(vm.account())) {
                continue;
            }
            double[][] u = fleet.usage().get(vm.resource());
            List<ConfigAction> changes = fleet.actions().stream().filter(a -> a.resource().equals(vm.resource())
                    && a.kind() == ConfigAction.Kind.INSTANCE_TYPE).sorted(Comparator.comparing(ConfigAction::time)).toList();
            InstanceType type = vm.launch();
            int lastChange = 0;
            int next = 0;
            int daysRecorded = u[0].length / 24;
            for (int day = 0; day < daysRecorded; day++) {
                long dayStart = start + day * 86400L;
                while (next < changes.size() && changes.get(next).time().getEpochSecond() < dayStart) {
                    type = catalogue.get(changes.get(next++).to());
                    lastChange = day;
                }
                if (day < FleetSimulator.FIRST_DECISION_DAY) {
                    continue;
                }
                InstanceType after = type;
                for (int k = next; k < changes.size() && changes.get(k).time().getEpochSecond() < dayStart + 86400L; k++) {
                    after = catalogue.get(changes.get(k).to());
                }
                int from = Math.max(0, day * 24 - 168);
                Observation o = new Observation(vm.resource(), vm.tag(), type, day - lastChange,
                        java.util.Arrays.copyOfRange(u[0], from, day * 24), java.util.Arrays.copyOfRange(u[1], from, day * 24));
                ActionSpace.Move move = after.equals(type) ? space.none(type) : space.toward(type, after);
                out.add(new Step(vm.account(), day, o, space.index(move), 0, day == daysRecorded - 1));
            }
        }
        return out;
    }

    /** The recorded accounts as the simulator replays them: each VM's recorded usage as its demand, from the type it started on. */
    private List<Account> accounts(FleetFiles.Recorded fleet, java.util.function.Predicate<String> keep) {
        Map<String, List<FleetFiles.Listed>> byAccount = fleet.vms().stream().filter(v -> keep.test(v.account()))
                .collect(Collectors.groupingBy(FleetFiles.Listed::account, java.util.TreeMap::new, Collectors.toList()));
        List<Account> out = new ArrayList<>();
        byAccount.forEach((id, vms) -> out.add(new Account(id, fleet.truth().getOrDefault(id, Skill.UNKNOWN), vms.stream()
                .map(v -> new Resource(v.resource(), v.tag(), fleet.usage().get(v.resource())[0], fleet.usage().get(v.resource())[1],
                        v.launch())).toList())));
        return out;
    }

    /** What the held-out experts' own operators did, from their recorded days, scored with the simulator's reward. */
    private PolicyOutcome logged(FleetFiles.Recorded fleet, List<ResourceDay> days, Set<String> heldOut, Set<String> experts) {
        Map<String, FleetFiles.Listed> vms = fleet.vms().stream().collect(Collectors.toMap(FleetFiles.Listed::resource, v -> v));
        Reward reward = Reward.defaults();
        double cost = 0;
        long violations = 0;
        long changes = 0;
        double rewards = 0;
        int n = 0;
        for (ResourceDay d : days) {
            if (!heldOut.contains(d.account()) || !experts.contains(d.account()) || d.day() < FleetSimulator.FIRST_DECISION_DAY) {
                continue;
            }
            FleetFiles.Listed vm = vms.get(d.resource());
            Resource r = new Resource(vm.resource(), vm.tag(), new double[0], new double[0], vm.launch());
            cost += d.costUsd();
            violations += d.violationHours();
            changes += d.changed() ? 1 : 0;
            rewards += reward.of(r, d);
            n++;
        }
        return new PolicyOutcome("held-out experts as logged", n == 0 ? Double.NaN : rewards / n, cost, violations, changes, n);
    }
}
