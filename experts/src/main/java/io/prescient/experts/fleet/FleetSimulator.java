package io.prescient.experts.fleet;

import io.prescient.experts.actions.ConfigAction;
import io.prescient.experts.catalogue.InstanceType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Runs accounts of VMs day by day. Each VM starts on its launch type; from the second week on, the
 * policy operating its account decides each morning, from the last week of monitored usage, whether
 * to change its type; then the day's demand is served (usage above the type's vCPUs or memory is
 * capped: saturated hours). Emits the type changes as CloudTrail would record them, VM and account
 * days, and every decision with its reward. The same accounts and seed give the same run, and a
 * VM's random stream does not depend on the other VMs, so one account can be replayed under another
 * policy (the A/B test's counterfactual).
 */
public final class FleetSimulator {

    /** Decisions start on this day: the first week is the history they need. */
    public static final int FIRST_DECISION_DAY = 7;

    /** What happened. */
    public record Fleet(List<Account> accounts, List<ConfigAction> actions, List<ResourceDay> resourceDays, List<Step> steps) {

        public List<AccountDay> accountDays() {
            return AccountDay.of(resourceDays);
        }
    }

    private final ActionSpace space;
    private final Reward reward;
    private final long start;
    private final long seed;

    public FleetSimulator(ActionSpace space, Reward reward, Instant start, long seed) {
        this.space = space;
        this.reward = reward;
        this.start = start.getEpochSecond();
        this.seed = seed;
    }

    public ActionSpace space() {
        return space;
    }

    private static final class Vm {
        final Account account;
        final Resource resource;
        final OperatingPolicy policy;
        final SplittableRandom random;
        final double[] seenCpu;
        final double[] seenMemory;
        InstanceType type;
        int lastChange;

        Vm(Account account, Resource resource, OperatingPolicy policy, SplittableRandom random) {
            this.account = account;
            this.resource = resource;
            this.policy = policy;
            this.random = random;
            this.type = resource.launch();
            this.seenCpu = new double[resource.hours()];
            this.seenMemory = new double[resource.hours()];
        }

        /** Serves a day: usage as monitoring records it, demand capped at the type's capacity. */
        double[][] serve(int day) {
            for (int h = day * 24; h < day * 24 + 24; h++) {
                seenCpu[h] = Math.min(resource.cpu()[h], type.vcpu());
                seenMemory[h] = Math.min(resource.memory()[h], type.memoryGib());
            }
            return new double[][] {Arrays.copyOfRange(seenCpu, day * 24, day * 24 + 24),
                    Arrays.copyOfRange(seenMemory, day * 24, day * 24 + 24)};
        }

        Observation observe(int day) {
            return new Observation(resource.id(), resource.tag(), type, day - lastChange,
                    Arrays.copyOfRange(seenCpu, (day - 7) * 24, day * 24), Arrays.copyOfRange(seenMemory, (day - 7) * 24, day * 24));
        }
    }

    public Fleet run(List<Account> accounts, Function<Account, OperatingPolicy> policies) {
        List<Vm> vms = new ArrayList<>();
        for (Account a : accounts) {
            OperatingPolicy policy = policies.apply(a);
            SplittableRandom random = new SplittableRandom(seed ^ a.id().hashCode() * 0x9E3779B97F4A7C15L);
            for (Resource r : a.resources()) {
                vms.add(new Vm(a, r, policy, random.split()));
            }
        }
        int days = vms.stream().mapToInt(v -> v.resource.hours() / 24).min().orElse(0);
        List<ConfigAction> actions = new ArrayList<>();
        List<ResourceDay> resourceDays = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            Map<Vm, Step> pending = new IdentityHashMap<>();
            boolean[] changed = new boolean[vms.size()];
            if (day >= FIRST_DECISION_DAY) {
                decide(vms, day, days, actions, pending, changed);
            }
            for (int i = 0; i < vms.size(); i++) {
                Vm vm = vms.get(i);
                double[][] usage = vm.serve(day);
                ResourceDay rd = ResourceDay.of(vm.account.id(), vm.resource.id(), vm.resource.tag(), day, vm.type, usage[0], usage[1], changed[i], space);
                resourceDays.add(rd);
                Step s = pending.get(vm);
                if (s != null) {
                    steps.add(new Step(s.account(), s.day(), s.observation(), s.move(), reward.of(vm.resource, rd), s.last()));
                }
            }
        }
        return new Fleet(List.copyOf(accounts), actions, resourceDays, steps);
    }

    private void decide(List<Vm> vms, int day, int days, List<ConfigAction> actions, Map<Vm, Step> pending, boolean[] changed) {
        Map<OperatingPolicy, List<Integer>> byPolicy = new IdentityHashMap<>();
        for (int i = 0; i < vms.size(); i++) {
            byPolicy.computeIfAbsent(vms.get(i).policy, k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<OperatingPolicy, List<Integer>> e : byPolicy.entrySet()) {
            List<Observation> observations = new ArrayList<>();
            List<SplittableRandom> randoms = new ArrayList<>();
            for (int i : e.getValue()) {
                Vm vm = vms.get(i);
                observations.add(vm.observe(day));
                randoms.add(vm.random);
            }
            List<ActionSpace.Move> moves = e.getKey().decideAll(observations, randoms);
            for (int k = 0; k < moves.size(); k++) {
                int i = e.getValue().get(k);
                Vm vm = vms.get(i);
                ActionSpace.Move move = moves.get(k);
                InstanceType next = space.apply(vm.type, move);
                pending.put(vm, new Step(vm.account.id(), day, observations.get(k), space.index(move), 0, day == days - 1));
                if (!next.equals(vm.type)) {
                    actions.add(new ConfigAction(Instant.ofEpochSecond(start + day * 86400L), vm.account.id(), vm.resource.id(),
                            ConfigAction.Kind.INSTANCE_TYPE, vm.type.name(), next.name(), "simulator"));
                    vm.type = next;
                    vm.lastChange = day;
                    changed[i] = true;
                }
            }
        }
    }
}
