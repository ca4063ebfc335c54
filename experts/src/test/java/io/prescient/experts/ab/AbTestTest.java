package io.prescient.experts.ab;

import io.prescient.experiment.Effect;
import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.fleet.Account;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.FleetBuilder;
import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.OperatingPolicy;
import io.prescient.experts.fleet.Reward;
import io.prescient.experts.fleet.RulePolicies;
import io.prescient.experts.learn.LearningTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbTestTest {

    static final ActionSpace SPACE = new ActionSpace(Catalogue.aws());

    @Test
    void detectsARealEffectAndNoneForANoOp() {
        List<Account> accounts = FleetBuilder.defaults(SPACE).build(LearningTest.traces(80, 5), 120, "ab", 5);
        FleetSimulator simulator = new FleetSimulator(SPACE, Reward.defaults(), Instant.parse("2013-08-01T00:00:00Z"), 5);
        RulePolicies rules = new RulePolicies(SPACE);
        Function<Account, OperatingPolicy> control = a -> rules.of(a.skill());
        AbTest test = new AbTest(simulator, new int[] {14, 21, 28}, 5);

        AbTest.Report real = test.run(accounts, control, a -> rules.expert());
        Effect cost = real.effect(AbTest.COST);
        assertTrue(cost.truth() < -0.05, "the expert policy cuts cost: true effect " + cost.truth());
        assertTrue(cost.significant() && cost.coversTruth(), cost.toString());
        assertTrue(cost.bootstrapLow() <= cost.truth() && cost.truth() <= cost.bootstrapHigh(), cost.toString());
        assertEquals(120, real.treated() + real.control());

        AbTest.Report none = test.run(accounts, control, control);
        for (Effect e : none.effects()) {
            assertEquals(0, e.truth(), 1e-12);
            assertFalse(e.significant(), e.toString());
        }
        assertEquals(3, none.look());
    }
}
