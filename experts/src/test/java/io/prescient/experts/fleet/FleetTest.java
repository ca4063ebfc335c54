package io.prescient.experts.fleet;

import io.prescient.experts.actions.ConfigAction;
import io.prescient.experts.catalogue.Catalogue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetTest {

    static final ActionSpace SPACE = new ActionSpace(Catalogue.aws());

    static FleetSimulator.Fleet run(List<Account> accounts, long seed) {
        RulePolicies rules = new RulePolicies(SPACE);
        return new FleetSimulator(SPACE, Reward.defaults(), Instant.parse("2013-08-01T00:00:00Z"), seed)
                .run(accounts, a -> rules.of(a.skill()));
    }

    @Test
    void expertsAreFoundByTheirScore() {
        List<Account> accounts = FleetBuilder.defaults(SPACE).build(SyntheticTraces.of(80, 30, 1), 100, "acct", 1);
        FleetSimulator.Fleet fleet = run(accounts, 1);
        Set<String> experts = accounts.stream().filter(a -> a.skill() == Skill.EXPERT).map(Account::id).collect(Collectors.toSet());
        List<ExpertScore.Breakdown> scored = ExpertScore.defaults().score(fleet.accountDays(), Map.of());
        double[] pr = ExpertScore.precisionRecall(scored, experts);
        System.out.printf("precision %.2f, recall %.2f%n", pr[0], pr[1]);
        for (Skill s : Skill.values()) {
            System.out.printf("%s: %s%n", s, scored.stream().filter(b -> accounts.stream().anyMatch(a -> a.id().equals(b.account()) && a.skill() == s))
                    .mapToDouble(ExpertScore.Breakdown::score).average().orElse(0));
        }
        assertTrue(pr[0] >= 0.8 && pr[1] >= 0.8, "precision " + pr[0] + ", recall " + pr[1]);
        assertTrue(fleet.actions().stream().allMatch(a -> a.kind() == ConfigAction.Kind.INSTANCE_TYPE));
    }

    @Test
    void aVmsDecisionsDoNotDependOnTheOtherAccounts() {
        List<Account> accounts = FleetBuilder.defaults(SPACE).build(SyntheticTraces.of(20, 30, 2), 10, "acct", 2);
        FleetSimulator.Fleet all = run(accounts, 3);
        FleetSimulator.Fleet one = run(List.of(accounts.get(3)), 3);
        List<ConfigAction> alone = one.actions();
        List<ConfigAction> within = all.actions().stream().filter(a -> a.account().equals(accounts.get(3).id())).toList();
        assertEquals(alone, within);
    }
}
