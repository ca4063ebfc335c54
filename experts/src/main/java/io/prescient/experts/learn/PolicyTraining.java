package io.prescient.experts.learn;

import io.prescient.experts.fleet.Account;
import io.prescient.experts.fleet.ExpertScore;
import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.RulePolicies;
import io.prescient.experts.fleet.Step;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The learning pipeline: run the training accounts as they operate themselves, score them, clone
 * the decisions of the accounts the score calls experts (not the simulator's labels), then
 * fine-tune with PPO, keeping whichever network does best on the validation accounts.
 */
public final class PolicyTraining {

    /** What came out. */
    public record Result(List<String> experts, BehaviourCloning.Result cloning, Ppo.Result ppo) {

        public PolicyNetwork network() {
            return ppo.network();
        }
    }

    private final FleetSimulator simulator;
    private final ExpertScore score;
    private final BehaviourCloning.Settings cloning;
    private final Ppo.Settings ppo;

    public PolicyTraining(FleetSimulator simulator, ExpertScore score, BehaviourCloning.Settings cloning, Ppo.Settings ppo) {
        this.simulator = simulator;
        this.score = score;
        this.cloning = cloning;
        this.ppo = ppo;
    }

    public Result train(List<Account> training, List<Account> validation, Consumer<String> log) {
        RulePolicies rules = new RulePolicies(simulator.space());
        FleetSimulator.Fleet observed = simulator.run(training, a -> rules.of(a.skill()));
        List<String> experts = score.score(observed.accountDays(), Map.of()).stream().filter(ExpertScore.Breakdown::expert)
                .map(ExpertScore.Breakdown::account).toList();
        Set<String> chosen = Set.copyOf(experts);
        List<Step> demonstrations = observed.steps().stream().filter(s -> chosen.contains(s.account())).collect(Collectors.toList());
        log.accept(experts.size() + " accounts scored as experts; " + demonstrations.size() + " of their decisions to clone");
        BehaviourCloning.Result cloned = new BehaviourCloning(simulator.space(), cloning).fit(demonstrations, log);
        log.accept(String.format(java.util.Locale.ROOT, "cloning: %d epochs, held-out accuracy %.3f, %.1f s", cloned.epochs(),
                cloned.validationAccuracy(), cloned.seconds()));
        Ppo.Result tuned = new Ppo(simulator, ppo).fineTune(cloned.network(), training, validation, log);
        return new Result(experts, cloned, tuned);
    }
}
