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

    /** A VM created during the recording: its rows start later than the fleet's, and its earlier hours are empty, not an error. */
    @Test
    void aVmCreatedDuringTheRecordingIsRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("resources.csv"), "account,resource,tag,launch_type,current_type\na,vm1,production,m6i.large,m6i.large\n"
                + "a,vm2,batch,m6i.large,m6i.large\n");
        StringBuilder m = new StringBuilder("resource,time,cpu_vcpu,memory_gib\n");
        for (int h = 0; h < 72; h++) {
            m.append("vm1,").append(Instant.parse("2013-08-01T00:00:00Z").plusSeconds(3600L * h)).append(",1,2\n");
            if (h >= 30) {
                m.append("vm2,").append(Instant.parse("2013-08-01T00:00:00Z").plusSeconds(3600L * h)).append(",0.5,1\n");
            }
        }
        Files.writeString(dir.resolve("metrics.csv"), m.toString());
        double[][] u = FleetFiles.read(dir, Catalogue.aws()).usage().get("vm2");
        assertEquals(0, u[0][10], 0);
        assertEquals(0.5, u[0][40], 1e-12);
    }

    /** The organisation's own tags map to production or batch through tags.csv; an unmapped one is named with the fix. */
    @Test
    void tagsMapThroughTheFleetsTagsFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("resources.csv"), "account,resource,tag,launch_type,current_type\na,vm1,checkout-tier1,m6i.large,m6i.large\n");
        Files.writeString(dir.resolve("metrics.csv"), "resource,time,cpu_vcpu,memory_gib\nvm1,2013-08-01T00:00:00Z,0.5,1\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> FleetFiles.read(dir, Catalogue.aws()));
        assertTrue(e.getMessage().contains("resources.csv:2") && e.getMessage().contains("'checkout-tier1,production'"), e.getMessage());
        Files.writeString(dir.resolve("tags.csv"), "tag,class\nCheckout-Tier1,production\nnightly,batch\n");
        assertEquals(Tag.PRODUCTION, FleetFiles.read(dir, Catalogue.aws()).vms().get(0).tag());
        Files.writeString(dir.resolve("tags.csv"), "tag,class\nnightly,sometimes\n");
        e = assertThrows(RuntimeException.class, () -> FleetFiles.read(dir, Catalogue.aws()));
        assertTrue(e.getMessage().contains("tags.csv:2: field 'class'"), e.getMessage());
    }

    /** Best practices from the organisation's file: its keys override the defaults; a bad line is named. */
    @Test
    void bestPracticesComeFromTheFleetsFile(@TempDir Path dir) throws Exception {
        assertEquals(BestPractice.defaults(), BestPractice.of(dir));
        Files.writeString(dir.resolve("best-practices.txt"), "# ours\nmax_saturated_share = 0.05\nmax_mis_sized_days=7\n");
        BestPractice ours = BestPractice.of(dir);
        assertEquals(0.05, ours.maxSaturatedShare(), 1e-12);
        assertEquals(7, ours.maxMisSizedDays());
        assertEquals(BestPractice.defaults().minRightFamilyShare(), ours.minRightFamilyShare(), 1e-12);
        Files.writeString(dir.resolve("best-practices.txt"), "max_saturated_share = 5%\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BestPractice.of(dir));
        assertTrue(e.getMessage().contains("best-practices.txt:1: field 'max_saturated_share'"), e.getMessage());
        Files.writeString(dir.resolve("best-practices.txt"), "max_saturation = 0.1\n");
        e = assertThrows(IllegalArgumentException.class, () -> BestPractice.of(dir));
        assertTrue(e.getMessage().contains("a key among"), e.getMessage());
    }

    /** Five-minute rows in percent and MiB become hourly vCPUs and GiB at the VM's type: m6i.large has 2 vCPUs and 8 GiB. */
    @Test
    void metricsInAnyStepAndDeclaredUnitsBecomeHourlyUsage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("resources.csv"), "account,resource,tag,launch_type,current_type\na,vm1,production,m6i.large,m6i.large\n");
        StringBuilder m = new StringBuilder("resource,time,cpu_percent,memory_mib\n");
        for (int i = 0; i < 48 * 12; i++) {
            m.append("vm1,").append(Instant.parse("2013-08-01T00:00:00Z").plusSeconds(300L * i)).append(',').append(i % 2 == 0 ? 40 : 60)
                    .append(",4096\n");
        }
        Files.writeString(dir.resolve("metrics.csv"), m.toString());
        FleetFiles.Recorded r = FleetFiles.read(dir, Catalogue.aws());
        double[][] u = r.usage().get("vm1");
        assertEquals(48, u[0].length);
        assertEquals(1.0, u[0][5], 1e-9, "a mean of 40% and 60% of 2 vCPUs");
        assertEquals(4.0, u[1][5], 1e-9, "4096 MiB");
    }

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
        RuntimeException e = assertThrows(RuntimeException.class, () -> FleetFiles.read(dir, Catalogue.aws()));
        assertTrue(e.getMessage().contains("metrics.csv line 3, field 'time'"), e.getMessage());
        Files.writeString(dir.resolve("metrics.csv"), "resource,time,cpu,memory_gib\nvm1,2013-08-01T00:00:00Z,50,1\n");
        e = assertThrows(RuntimeException.class, () -> FleetFiles.read(dir, Catalogue.aws()));
        assertTrue(e.getMessage().contains("cpu_vcpu or cpu_percent"), "no unit, no guess: " + e.getMessage());
        Files.writeString(dir.resolve("metrics.csv"), "resource,time,cpu_vcpu,memory_gib\nvm1,2013-08-01T00:00:00Z,-0.5,1\n");
        e = assertThrows(RuntimeException.class, () -> FleetFiles.read(dir, Catalogue.aws()));
        assertTrue(e.getMessage().contains("line 2, field 'cpu_vcpu': found '-0.5'"), e.getMessage());
        Files.writeString(dir.resolve("metrics.csv"), "resource,time,cpu_vcpu,memory_gib\nvm1,2013-08-01T00:00:00Z,0.5,1\n"
                + "vm1,2013-08-03T00:00:00Z,0.5,1\n");
        e = assertThrows(RuntimeException.class, () -> FleetFiles.read(dir, Catalogue.aws()));
        assertTrue(e.getMessage().contains("vm1") && e.getMessage().contains("47 hours without a row"), e.getMessage());
        Files.writeString(dir.resolve("resources.csv"), "account,resource,tag,launch_type,current_type\na,vm1,production,m9.huge,m6i.large\n");
        e = assertThrows(IllegalArgumentException.class, () -> FleetFiles.read(dir, Catalogue.aws()));
        assertTrue(e.getMessage().contains("resources.csv:2") && e.getMessage().contains("m9.huge"), e.getMessage());
    }
}
