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
}
