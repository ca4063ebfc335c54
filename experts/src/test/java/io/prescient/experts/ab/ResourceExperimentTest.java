package io.prescient.experts.ab;

import io.prescient.experiment.Assignment;
import io.prescient.experiment.SequentialTest;
import io.prescient.experts.actions.CsvActionReader;
import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.fleet.Account;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.FleetBuilder;
import io.prescient.experts.fleet.FleetFiles;
import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.Reward;
import io.prescient.experts.fleet.RulePolicies;
import io.prescient.experts.learn.LearningTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceExperimentTest {

    private static final ActionSpace SPACE = new ActionSpace(Catalogue.aws());
    private static final Instant START = Instant.parse("2013-08-01T00:00:00Z");

    /** The treated resources are downsized one size on day 14 (half the price); the test measures it from the files. */
    @Test
    void anAppliedRecommendationIsMeasuredFromTheFleetsOwnFiles(@TempDir Path dir) throws Exception {
        FleetSimulator simulator = new FleetSimulator(SPACE, Reward.defaults(), START, 2);
        List<Account> accounts = FleetBuilder.defaults(SPACE).build(LearningTest.traces(80, 9), 20, "acct", 9);
        FleetFiles.write(dir, simulator.run(accounts, a -> new RulePolicies(SPACE).idle()), START);
        FleetFiles.Recorded before = FleetFiles.read(dir, Catalogue.aws());
        Assignment a = ResourceExperiment.assign(before, SPACE, Catalogue.aws(), "downsize", 4);
        assertTrue(a.treated() > 10 && a.units().size() - a.treated() > 10, "both arms hold resources: " + a.treated());

        List<String> actions = new ArrayList<>(List.of(CsvActionReader.HEADER));
        for (FleetFiles.Listed vm : before.vms()) {
            if (Assignment.TREATMENT.equals(a.arm(vm.resource())) && SPACE.sizeOf(vm.current()) > 0) {
                var smaller = SPACE.apply(vm.current(), new ActionSpace.Move(SPACE.familyOf(vm.current()), -1));
                actions.add(START.plusSeconds(14 * 86400L + 3600) + "," + vm.account() + "," + vm.resource() + ",instance_type,"
                        + vm.current().name() + "," + smaller.name());
            }
        }
        Files.write(dir.resolve("actions.csv"), actions);
        FleetFiles.Recorded after = FleetFiles.read(dir, Catalogue.aws());
        SequentialTest.Analysis r = SequentialTest.analyse(a, ResourceExperiment.outcomes(after, SPACE, Catalogue.aws(), a,
                START.plusSeconds(14 * 86400L)), ResourceExperiment.COST, 2, 1);
        assertEquals(SequentialTest.Decision.STOP_EFFECT, r.decision(), r.describe());
        var cost = r.effect(ResourceExperiment.COST);
        assertTrue(cost.welchLow() < -0.3 && cost.welchHigh() > -0.6, "about half the price on most treated resources: " + cost);
    }
}
