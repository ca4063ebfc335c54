package io.prescient.experts.catalogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueTest {

    private final Catalogue aws = Catalogue.aws();

    @Test
    void theBundledListHasThreeFamiliesOfFiveSizes() {
        assertEquals(15, aws.all().size());
        InstanceType m = aws.get("m6i.xlarge");
        assertEquals(4, m.vcpu());
        assertEquals(16, m.memoryGib());
        assertEquals(0.192 * 720, m.monthlyUsd(), 1e-9);
    }

    @Test
    void neighboursUpDownAndAcrossFamilies() {
        InstanceType m = aws.get("m6i.xlarge");
        assertEquals("m6i.2xlarge", aws.resize(m, 1).orElseThrow().name());
        assertEquals("m6i.large", aws.resize(m, -1).orElseThrow().name());
        assertTrue(aws.resize(aws.get("m6i.large"), -1).isEmpty());
        assertEquals("c6i.xlarge", aws.inFamily(m, "c6i").orElseThrow().name());
    }

    @Test
    void anUnknownTypeNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> aws.get("t2.nano"));
        assertTrue(e.getMessage().startsWith("unknown instance type 't2.nano'; the catalogue has"), e.getMessage());
    }

    /** The organisation's own prices replace the bundled ones for the types it lists; a bad line is named. */
    @org.junit.jupiter.api.Test
    void aFleetsPricesReplaceTheBundledOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertEquals(Catalogue.aws().get("m6i.large").hourlyUsd(), Catalogue.forFleet(dir).get("m6i.large").hourlyUsd(), 0);
        java.nio.file.Files.writeString(dir.resolve("prices.csv"), "type,hourly_usd\nm6i.large,0.061\n");
        Catalogue ours = Catalogue.forFleet(dir);
        assertEquals(0.061, ours.get("m6i.large").hourlyUsd(), 1e-12);
        assertEquals(Catalogue.aws().get("c6i.large").hourlyUsd(), ours.get("c6i.large").hourlyUsd(), 0, "unlisted types keep theirs");
        java.nio.file.Files.writeString(dir.resolve("prices.csv"), "type,hourly_usd\nm6i.large,0.061\nx9.huge,1\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Catalogue.forFleet(dir));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("prices.csv:3: field 'type'"), e.getMessage());
    }

    /** From a Cost and Usage Report: the effective price per instance-hour, savings-plan and reservation hours at their effective cost. */
    @org.junit.jupiter.api.Test
    void aCostAndUsageReportGivesWhatWasPaidAnHour(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("billing.csv"), String.join("\n",
                "identity/LineItemId,lineItem/LineItemType,lineItem/UsageType,lineItem/UsageAmount,lineItem/UnblendedCost,"
                        + "product/instanceType,savingsPlan/SavingsPlanEffectiveCost,reservation/EffectiveCost",
                "1,Usage,BoxUsage:m6i.large,10,0.96,m6i.large,,",
                "2,SavingsPlanCoveredUsage,BoxUsage:m6i.large,10,0.96,m6i.large,0.60,",
                "3,DiscountedUsage,BoxUsage:c6i.xlarge,24,4.08,c6i.xlarge,,2.40",
                "4,Usage,EBS:VolumeUsage.gp3,100,8.0,,,",
                "5,Tax,,0,1.5,,,") + "\n");
        BillingPrices billed = BillingPrices.read(dir.resolve("billing.csv"));
        assertEquals((0.96 + 0.60) / 20, billed.hourlyUsd().get("m6i.large"), 1e-12);
        assertEquals(0.10, billed.hourlyUsd().get("c6i.xlarge"), 1e-12);
        assertEquals(2, billed.skipped());
        Catalogue ours = Catalogue.forFleet(dir);
        assertEquals(0.078, ours.get("m6i.large").hourlyUsd(), 1e-12);
        assertEquals(Catalogue.aws().get("r6i.large").hourlyUsd(), ours.get("r6i.large").hourlyUsd(), 0, "not run: its list price");
        java.nio.file.Files.writeString(dir.resolve("billing.csv"), "lineItem/UsageAmount,lineItem/UnblendedCost,product/instanceType\n"
                + "ten,1,m6i.large\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.prescient.core.validation.InvalidInputException.class,
                () -> BillingPrices.read(dir.resolve("billing.csv")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("billing.csv line 2, field 'lineItem/UsageAmount'"), e.getMessage());
    }
}
