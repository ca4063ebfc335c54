package io.prescient.experts.fleet;

import io.prescient.experts.catalogue.InstanceType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes simulated accounts from recorded traces. Each account gets a skill (the five in turn, so a
 * fifth are experts) and 4 to 8 VMs, each replaying a trace drawn from the pool. A trace keeps its
 * shape (daily cycles, bursts, level shifts, the CPU-memory relation) but is rescaled: its P95 CPU
 * to a level drawn log-uniformly between {@code minVcpu} and {@code maxVcpu} (most recorded VMs are
 * nearly idle, smaller than any listed type), and its memory so that P95 memory per P95 vCPU keeps
 * the recorded ratio clamped to 1 to 12 GiB. A VM is tagged production with probability 0.6, else
 * batch; it is launched in a random family, from one size under to three sizes over what holds its
 * first week's P95 at 65% (people guess at launch, mostly high).
 */
public final class FleetBuilder {

    private final ActionSpace space;
    private final double minVcpu;
    private final double maxVcpu;

    public FleetBuilder(ActionSpace space, double minVcpu, double maxVcpu) {
        this.space = space;
        this.minVcpu = minVcpu;
        this.maxVcpu = maxVcpu;
    }

    public static FleetBuilder defaults(ActionSpace space) {
        return new FleetBuilder(space, 1, 16);
    }

    /** {@code count} accounts named {@code prefix0, prefix1, ...}. */
    public List<Account> build(List<Trace> pool, int count, String prefix, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Trace> deck = new ArrayList<>();
        Skill[] skills = java.util.Arrays.stream(Skill.values()).filter(s -> s != Skill.UNKNOWN).toArray(Skill[]::new);
        List<Account> out = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            int vms = 4 + random.nextInt(5);
            List<Resource> resources = new ArrayList<>();
            for (int v = 0; v < vms; v++) {
                if (deck.isEmpty()) {
                    deck.addAll(pool);
                    shuffle(deck, random);
                }
                Trace t = deck.remove(deck.size() - 1);
                resources.add(resource(prefix + a + "-vm" + v, t, random));
            }
            out.add(new Account(prefix + a, skills[a % skills.length], resources));
        }
        return out;
    }

    private Resource resource(String id, Trace t, SplittableRandom random) {
        double level = minVcpu * Math.pow(maxVcpu / minVcpu, random.nextDouble());
        double p95cpu = Math.max(1e-9, t.cpuQuantile(0.95));
        double p95memory = Math.max(1e-9, t.memoryQuantile(0.95));
        double ratio = Math.max(1, Math.min(12, p95memory / p95cpu));
        double cpuScale = level / p95cpu;
        double memoryScale = ratio * level / p95memory;
        double[] cpu = new double[t.cpu().length];
        double[] memory = new double[cpu.length];
        for (int h = 0; h < cpu.length; h++) {
            cpu[h] = t.cpu()[h] * cpuScale;
            memory[h] = t.memory()[h] * memoryScale;
        }
        Tag tag = random.nextDouble() < 0.6 ? Tag.PRODUCTION : Tag.BATCH;
        double week = Observation.quantile(java.util.Arrays.copyOf(cpu, Math.min(cpu.length, 168)), 0.95);
        double weekMemory = Observation.quantile(java.util.Arrays.copyOf(memory, Math.min(memory.length, 168)), 0.95);
        String family = space.families().get(random.nextInt(space.families().size()));
        InstanceType fit = space.cheapestHolding(week / 0.65, weekMemory / 0.85, List.of(family));
        int size = Math.max(0, Math.min(space.sizes().size() - 1, space.sizeOf(fit) - 1 + random.nextInt(5)));
        return new Resource(id, tag, cpu, memory, space.type(space.families().indexOf(family), size));
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
