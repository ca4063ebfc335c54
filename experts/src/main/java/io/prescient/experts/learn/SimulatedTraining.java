package io.prescient.experts.learn;

import io.prescient.experts.fleet.Account;
import io.prescient.experts.fleet.ExpertScore;
import io.prescient.experts.fleet.FleetBuilder;
import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.RulePolicies;
import io.prescient.experts.fleet.Skill;
import io.prescient.experts.fleet.Step;
import io.prescient.experts.fleet.Trace;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Training on simulated accounts that replay real traces (the demo and benchmark path): training
 * accounts on one half of the traces, validation accounts, held-out accounts on the other half; the
 * pipeline of {@link PolicyTraining}; expert identification against the simulator's truth on the
 * held-out accounts; and the held-out comparison of the experts' rule, the rightsizer, cloning alone
 * and cloning with PPO.
 *
 * @param evidence the experts' decisions the policy will cite
 */
public record SimulatedTraining(PolicyTraining.Result result, double precision, double recall, PolicyOutcome experts,
                                PolicyOutcome rightsizer, PolicyOutcome cloned, PolicyOutcome learnt, List<Step> evidence) {

    public static SimulatedTraining run(FleetSimulator simulator, List<Trace> trainTraces, List<Trace> testTraces, int accounts, long seed,
                                        Ppo.Settings ppo, Consumer<String> log) {
        FleetBuilder builder = FleetBuilder.defaults(simulator.space());
        List<Account> training = builder.build(trainTraces, accounts, "train", seed);
        List<Account> validation = builder.build(trainTraces, Math.max(10, accounts / 3), "val", seed + 1);
        List<Account> heldOut = builder.build(testTraces, accounts, "test", seed + 2);
        PolicyTraining.Result r = new PolicyTraining(simulator, ExpertScore.defaults(), BehaviourCloning.Settings.defaults(), ppo)
                .train(training, validation, log);
        RulePolicies rules = new RulePolicies(simulator.space());
        FleetSimulator.Fleet asThemselves = simulator.run(heldOut, a -> rules.of(a.skill()));
        Set<String> trueExperts = heldOut.stream().filter(a -> a.skill() == Skill.EXPERT).map(Account::id).collect(Collectors.toSet());
        double[] pr = ExpertScore.precisionRecall(ExpertScore.defaults().score(asThemselves.accountDays(), Map.of()), trueExperts);
        PolicyOutcome expert = PolicyOutcome.of("experts' policy", simulator.run(heldOut, a -> rules.expert()));
        PolicyOutcome rightsizer = PolicyOutcome.of("rule-based rightsizer", simulator.run(heldOut, a -> rules.rightsizer()));
        PolicyOutcome learnt = PolicyOutcome.of("cloned + PPO", simulator.run(heldOut, a -> new LearntPolicy(r.network(), simulator.space(), true)));
        PolicyOutcome cloned = PolicyOutcome.of("cloned only", simulator.run(heldOut,
                a -> new LearntPolicy(r.cloning().network(), simulator.space(), true)));
        List<Step> evidence = simulator.run(training, a -> rules.of(a.skill())).steps().stream()
                .filter(s -> r.experts().contains(s.account())).toList();
        return new SimulatedTraining(r, pr[0], pr[1], expert, rightsizer, cloned, learnt, evidence);
    }
}
