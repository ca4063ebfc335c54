package io.prescient.io.jdbc;

import io.prescient.core.store.ModelDecision;
import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.ModelStatus;
import io.prescient.core.store.ModelVersion;
import io.prescient.core.store.StoreException;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class ModelRegistryContract {

    /** Opens (creating when writing) the store called {@code name}, the same one each time for the same name. */
    protected abstract JdbcStore open(String name, boolean readOnly);


    private static ModelVersion version(String id, int minute) {
        return new ModelVersion(id, "ets", "fleet@1h", Instant.parse("2026-11-23T08:00:00Z").plusSeconds(60L * minute), 0,
                3600, "{\"model\":\"ets\"}", "{\"CRPS\":0.3}", "{}", ModelStatus.CANDIDATE);
    }

    private static ModelDecision decision(String id, String previous, String champion, int minute) {
        return new ModelDecision(id, "fleet@1h", Instant.parse("2026-11-23T09:00:00Z").plusSeconds(60L * minute),
                ModelDecision.Kind.MANUAL, previous, champion, null, "{}", "test");
    }

    @Test
    void versionsArtifactsAndDecisionsSurviveReopening() {
        String file = "s";
        try (JdbcStore store = open(file, false)) {
            ModelRegistry r = store.models();
            r.register(version("a", 0), new byte[] {1, 2, 3});
            r.register(version("b", 1), new byte[] {4});
            r.decide(decision("d1", null, "a", 0), List.of());
            r.decide(decision("d2", "a", "b", 1), List.of());
        }
        try (JdbcStore store = open(file, true)) {
            ModelRegistry r = store.models();
            assertEquals(List.of("b", "a"), r.versions("fleet@1h").stream().map(ModelVersion::id).toList());
            assertEquals("b", r.champion("fleet@1h").orElseThrow().id());
            assertEquals(ModelStatus.RETIRED, r.version("a").orElseThrow().status());
            assertArrayEquals(new byte[] {1, 2, 3}, r.artifact("a"));
            assertEquals(List.of("d2", "d1"), r.decisions("fleet@1h").stream().map(ModelDecision::id).toList());
            assertEquals(Instant.parse("2026-11-23T08:01:00Z"), r.version("b").orElseThrow().createdAt());
            assertThrows(StoreException.class, () -> r.register(version("c", 2), new byte[0]));
        }
    }

    @Test
    void aDecisionForAnUnknownVersionChangesNothing() {
        try (JdbcStore store = open("s", false)) {
            ModelRegistry r = store.models();
            r.register(version("a", 0), new byte[] {1});
            r.register(version("x", 1), new byte[] {1});
            r.decide(decision("d1", null, "a", 0), List.of());
            StoreException e = assertThrows(StoreException.class, () -> r.decide(decision("d2", "a", "missing", 1), List.of("x")));
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
            assertEquals("a", r.champion("fleet@1h").orElseThrow().id());
            assertEquals(ModelStatus.CANDIDATE, r.version("x").orElseThrow().status());
            assertEquals(1, r.decisions(null).size());
            assertThrows(StoreException.class, () -> r.artifact("missing"));
        }
    }

    @Test
    void aVersionOneStoreIsUpgradedInPlace() throws Exception {
        String file = "old";
        try (JdbcStore store = open(file, false); Statement st = store.connectionForTests().createStatement()) {
            st.execute("DROP TABLE model_decisions");
            st.execute("DELETE FROM schema_version");
            st.execute("INSERT INTO schema_version VALUES (1, now())");
        }
        try (JdbcStore store = open(file, false); Statement st = store.connectionForTests().createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
                rs.next();
                assertEquals(Schema.VERSION, rs.getInt(1));
            }
            assertTrue(store.models().decisions(null).isEmpty());
        }
    }
}
