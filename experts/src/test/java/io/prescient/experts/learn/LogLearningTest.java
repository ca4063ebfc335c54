package io.prescient.experts.learn;

import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.fleet.Account;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.ExpertScore;
import io.prescient.experts.fleet.FleetBuilder;
import io.prescient.experts.fleet.FleetFiles;
import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.Reward;
import io.prescient.experts.fleet.RulePolicies;
import io.prescient.experts.fleet.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogLearningTest {

    private static final ActionSpace SPACE = new ActionSpace(Catalogue.aws());
    private static final Instant START = Instant.parse("2013-08-01T00:00:00Z");

    /** From files alone: the experts are found from recorded outcomes, their logged changes become the demonstrations, and the held-out table is filled. */
    @Test
    void learnsFromAFleetsFilesAlone(@TempDir Path dir) throws Exception {
        FleetSimulator simulator = new FleetSimulator(SPACE, Reward.defaults(), START, 1);
        List<Account> accounts = FleetBuilder.defaults(SPACE).build(LearningTest.traces(60, 5), 45, "acct", 5);
        RulePolicies rules = new RulePolicies(SPACE);
        FleetSimulator.Fleet ran = simulator.run(accounts, a -> rules.of(a.skill()));
        FleetFiles.write(dir, ran, START);
        FleetFiles.Recorded recorded = FleetFiles.read(dir, Catalogue.aws());

        LogLearning learning = new LogLearning(SPACE, Catalogue.aws(), simulator, ExpertScore.defaults(),
                BehaviourCloning.Settings.defaults(), new Ppo.Settings(2, 3e-4, 0.2, 2, 256, 0.9, 0.9, 0.01, 1));
        java.util.Comparator<Step> order = java.util.Comparator.comparing((Step s) -> s.observation().resource()).thenComparingInt(Step::day);
        List<Step> logged = learning.demonstrations(recorded, Set.of(accounts.get(0).id())).stream().sorted(order).toList();
        List<Step> simulated = ran.steps().stream().filter(s -> s.account().equals(accounts.get(0).id())).sorted(order).toList();
        assertEquals(simulated.size(), logged.size(), "one logged decision per VM and decision day");
        for (int i = 0; i < logged.size(); i++) {
            assertEquals(SPACE.apply(simulated.get(i).observation().type(), SPACE.move(simulated.get(i).move())),
                    SPACE.apply(logged.get(i).observation().type(), SPACE.move(logged.get(i).move())),
                    "the logged change lands where the operator's did, day " + logged.get(i).day());
        }
        LogLearning.Result r = learning.learn(recorded, line -> { });
        assertTrue(r.precision() >= 0.75 && r.recall() >= 0.75, "precision " + r.precision() + ", recall " + r.recall());
        assertTrue(r.demonstrations() > 0);
        assertEquals(List.of("rule-based rightsizer", "VPA-style", "cloned only", "cloned + PPO"),
                r.heldOut().stream().map(PolicyOutcome::policy).toList());
        assertTrue(r.loggedExperts().vmDays() > 0, "the held-out experts' own recorded days");
    }
}
