package io.prescient.experts.fleet;

import io.prescient.experts.catalogue.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetFilesTest {

    @Test
    void aWrittenFleetReadsBackToTheSameDays(@TempDir Path dir) throws Exception {
        List<Account> accounts = FleetBuilder.defaults(FleetTest.SPACE).build(SyntheticTraces.of(10, 30, 4), 10, "acct", 4);
        FleetSimulator.Fleet fleet = FleetTest.run(accounts, 4);
        FleetFiles.write(dir, fleet, Instant.parse("2013-08-01T00:00:00Z"));
        FleetFiles.Recorded read = FleetFiles.read(dir, Catalogue.aws());
        assertEquals(fleet.actions().size(), read.actions().size());
        List<AccountDay> a = fleet.accountDays();
        List<AccountDay> b = AccountDay.of(read.resourceDays(FleetTest.SPACE, Catalogue.aws()));
        assertEquals(a.size(), b.size());
        assertEquals(a.stream().mapToDouble(AccountDay::costUsd).sum(), b.stream().mapToDouble(AccountDay::costUsd).sum(), 1e-6);
        assertEquals(a.stream().mapToInt(AccountDay::violationHours).sum(), b.stream().mapToInt(AccountDay::violationHours).sum(),
                a.stream().mapToInt(AccountDay::violationHours).sum() * 0.01 + 1);
        assertEquals(Skill.EXPERT, read.truth().get("acct0"));
        assertEquals(read.vms().size(), read.latest().size());
    }

    @Test
    void aBadMetricsLineIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("resources.csv"), "account,resource,tag,launch_type,current_type\na,vm1,production,m6i.large,m6i.large\n");
        Files.writeString(dir.resolve("metrics.csv"), "resource,time,cpu_vcpu,memory_gib\nvm1,2013-08-01T00:00:00Z,0.5,1\nvm1,yesterday,1,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FleetFiles.read(dir, Catalogue.aws()));
        assertTrue(e.getMessage().contains("metrics.csv:3"), e.getMessage());
        Files.writeString(dir.resolve("resources.csv"), "account,resource,tag,launch_type,current_type\na,vm1,production,m9.huge,m6i.large\n");
        e = assertThrows(IllegalArgumentException.class, () -> FleetFiles.read(dir, Catalogue.aws()));
        assertTrue(e.getMessage().contains("resources.csv:2") && e.getMessage().contains("m9.huge"), e.getMessage());
    }
}
